import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unstable_readConfig } from "wrangler";
import { modusEdge } from "../cli/run-cli";

// modus-edge build checks modus.json's embedders against the compiled module,
// and the collections test project's wrangler.toml declares what build writes.

describe("modus-edge build of an app with collections", () => {
  it("refuses an embedder the module does not export with an embedder's signature, naming the JSON path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-embedders-"));
    cpSync("test/collections/app", dir, { recursive: true });
    const manifestFile = path.join(dir, "modus.json");
    const text = readFileSync(manifestFile, "utf8")
      .replace('"words": { "embedder": "embed" }', '"words": { "embedder": "getTexts" }')
      .replace('"small": { "embedder": "embedSmall"', '"small": { "embedder": "embedTiny"');
    writeFileSync(manifestFile, text);
    const r = await modusEdge("build", dir, "--out", path.join(dir, "out"));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      `${manifestFile} does not fit the app:\n` +
        'collections.texts.searchMethods.words.embedder: function "getTexts" must take string[] and return f32[][]; it is (collection: string, namespace: string) => Map<string,string>\n' +
        'collections.texts.searchMethods.small.embedder: the app exports no function "embedTiny"',
    );
  }, 120_000);

  it("writes the collections' Durable Object binding, as test/collections/wrangler.toml declares it", () => {
    const { classes, migrations } = JSON.parse(readFileSync("src/durable-objects.json", "utf8"));
    const c = unstable_readConfig({ config: "test/collections/wrangler.toml" });
    expect(c.durable_objects.bindings).toEqual(classes.map((k: { binding: string; className: string }) => ({ name: k.binding, class_name: k.className })));
    expect(c.durable_objects.bindings).toContainEqual({ name: "MODUS_COLLECTIONS", class_name: "ModusCollection" });
    expect(c.migrations).toEqual(migrations);
  });
});
