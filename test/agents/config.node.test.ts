import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unstable_readConfig } from "wrangler";
import { writeWorkerConfig } from "../../cli/worker-config.mjs";

// Every Worker modus-edge serves or deploys declares the agents' Durable
// Objects exactly as src/durable-objects.json lists them (which the Worker
// itself reads), so the user writes nothing.

const { classes, migrations } = JSON.parse(readFileSync("src/durable-objects.json", "utf8"));
const bindings = classes.map((c: { binding: string; className: string }) => ({ name: c.binding, class_name: c.className }));

const read = (config: string) => {
  const c = unstable_readConfig({ config });
  return { bindings: c.durable_objects.bindings, migrations: c.migrations };
};

describe("the agents' Durable Object configuration", () => {
  it("lists one SQLite class per object family member, with a migration creating them", () => {
    const all = ["ModusAgent", "ModusAgentRegistry", "ModusCollection"];
    expect(classes.map((c: { className: string }) => c.className)).toEqual(all);
    expect(migrations.flatMap((m: { new_sqlite_classes?: string[] }) => m.new_sqlite_classes ?? [])).toEqual(all);
  });

  for (const config of ["wrangler.toml", "test/agents/wrangler.toml"]) {
    it(`is what ${config} declares`, () => {
      expect(read(config)).toEqual({ bindings, migrations });
    });
  }

  it("is written into the generated wrangler config, and the generated entry exports the classes", () => {
    const out = mkdtempSync(path.join(tmpdir(), "modus-edge-config-"));
    const file = writeWorkerConfig(out);
    expect(read(file)).toEqual({ bindings, migrations });
    const entry = readFileSync(path.join(out, "worker.ts"), "utf8");
    const exported = "export const { ModusAgent, ModusAgentRegistry, ModusCollection } = durableObjects(wasm, manifest, { sql: drivers });";
    expect(entry).toContain(exported);
    expect(readFileSync("src/index.ts", "utf8")).toContain(exported);
  });

  it("is deployed with the Worker (wrangler deploy --dry-run lists the bindings)", async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), "modus-edge-deploy-"));
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.resolve("bin/modus-edge.mjs"), "deploy", "functions", "--", "--dry-run", "--outdir", outdir],
      { env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" } },
    );
    const output = stdout + stderr;
    expect(output).toMatch(/env\.MODUS_AGENTS \(ModusAgent\)\s+Durable Object/);
    expect(output).toMatch(/env\.MODUS_AGENT_REGISTRY \(ModusAgentRegistry\)\s+Durable Object/);
    expect(output).toMatch(/env\.MODUS_COLLECTIONS \(ModusCollection\)\s+Durable Object/);
  }, 180_000);
});
