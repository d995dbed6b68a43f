import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { modusEdge } from "./run-cli";

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-app-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const manifest = JSON.stringify({ endpoints: { default: { type: "graphql", path: "/graphql", auth: "none" } } });

describe("modus-edge build", () => {
  it("writes a module carrying Modus's version-2 metadata sections", async () => {
    const dir = app({
      "modus.json": manifest,
      "assembly/index.ts": "/** Doubles it. */\nexport function double(n: i32): i32 { return n * 2; }\n",
    });
    const out = path.join(dir, "out");
    const r = await modusEdge("build", dir, "--out", out);
    expect(r.code).toBe(0);
    const module = new WebAssembly.Module(readFileSync(path.join(out, "app.wasm")));
    const version = Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata_version")[0]!);
    expect([...version]).toEqual([2]);
    const metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
    expect(metadata.fnExports.double).toEqual({
      parameters: [{ name: "n", type: "i32" }],
      results: [{ type: "i32" }],
      docs: { lines: ["Doubles it."] },
    });
    expect(metadata.buildId).toMatch(/^[0-9a-v]{20}$/);
    expect(existsSync(path.join(out, "modus.json"))).toBe(true);
  });

  it("prints only its own lines: no transform narration or rewritten code", async () => {
    // A throw is rewritten by try-as's transform, and exported functions are
    // announced by it, each on stdout unless muted.
    const dir = app({
      "modus.json": manifest,
      "assembly/index.ts":
        'export function check(n: i32): i32 {\n  if (n < 0) throw new Error("negative");\n  return n;\n}\n' +
        "export function twice(n: i32): i32 { return check(n) * 2; }\n",
    });
    const out = path.join(dir, "out");
    const r = await modusEdge("build", dir, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`modus-edge: built ${out}/explorer/ (explorer)\nmodus-edge: built ${out}/app.wasm\n`);
  });

  it("prints the AssemblyScript file:line:column of a compile error and exits non-zero", async () => {
    const dir = app({
      "modus.json": manifest,
      "assembly/index.ts": "export function ok(): i32 { return 1; }\n\nexport function broken(): i32 {\n  return nope;\n}\n",
    });
    const r = await modusEdge("build", dir, "--out", path.join(dir, "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("assembly/index.ts:4:10: error TS2304: Cannot find name 'nope'.");
  });

  it("names a missing modus.json", async () => {
    const dir = app({ "assembly/index.ts": "export function ok(): i32 { return 1; }\n" });
    const r = await modusEdge("build", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`modus-edge: modus.json not found in ${dir}\n`);
  });

  it("names a missing assembly/index.ts", async () => {
    const dir = app({ "modus.json": manifest });
    const r = await modusEdge("build", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`modus-edge: assembly/index.ts not found in ${dir}\n`);
  });
});

describe("modus-edge build validates modus.json", () => {
  it("lists every problem by JSON path and exits non-zero", async () => {
    const dir = app({
      "modus.json": `{
        // JSONC: comments and trailing commas are fine
        "connections": { "openai": { "type": "http", "baseUrl": "https://api.openai.com" } },
        "models": { "llm": { "connection": "nope", "path": "v1/x" } },
      }`,
      "assembly/index.ts": "export function ok(): i32 { return 1; }\n",
    });
    const r = await modusEdge("build", dir, "--out", path.join(dir, "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, "modus.json")} is not valid:\n`);
    expect(r.stderr).toContain('connections.openai.baseUrl: must end with "/"');
    expect(r.stderr).toContain('models.llm.connection: there is no connection "nope" in connections');
  });
});

describe("modus-edge build with the app's own node_modules", () => {
  it("compiles against the SDK it supplies, not the packages installed in the app", async () => {
    const dir = app({
      "modus.json": manifest,
      "package.json": JSON.stringify({ name: "has-modules", dependencies: { "@hypermode/modus-sdk-as": "^0.18.0" } }),
      "asconfig.json": JSON.stringify({
        extends: "./node_modules/@hypermode/modus-sdk-as/plugin.asconfig.json",
        options: { transform: ["@hypermode/modus-sdk-as/transform", "json-as/transform", "try-as/transform"] },
      }),
      // a broken package where Modus's SDK would be installed
      "node_modules/@hypermode/modus-sdk-as/package.json": JSON.stringify({ name: "@hypermode/modus-sdk-as", ascMain: "index.ts" }),
      "node_modules/@hypermode/modus-sdk-as/index.ts": "this is not AssemblyScript",
      "node_modules/@hypermode/modus-sdk-as/plugin.asconfig.json": "{ not json",
      "assembly/index.ts":
        'import { localtime } from "@hypermode/modus-sdk-as";\nexport function now(): string { return localtime.now(); }\n',
    });
    const out = path.join(dir, "..", path.basename(dir) + "-out");
    const r = await modusEdge("build", dir, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const module = new WebAssembly.Module(readFileSync(path.join(out, "app.wasm")));
    const metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
    expect(metadata.plugin).toBe("has-modules");
    // The app's one function, and the SDK's agent entry points every app exports (as in Modus).
    expect(Object.keys(metadata.fnExports).filter((n) => !n.startsWith("_modus_agent_"))).toEqual(["now"]);
    expect(Object.keys(metadata.fnExports).filter((n) => n.startsWith("_modus_agent_"))).toHaveLength(5);
  });
});
