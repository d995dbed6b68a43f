import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Builds test/sdk/app (every SDK module and model interface) with the CLI, as a
// user would, then checks the ABI its metadata declares. What its functions do
// is tested through the real host in workerd (test/sdk-host/).

const run = promisify(execFile);
const SDK = "~lib/@hypermode/modus-sdk-as/assembly";
const STRING = "~lib/string/String";

let wasm: Uint8Array<ArrayBuffer>;
let metadata: any;

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), "modus-edge-sdk-"));
  await run(process.execPath, [path.resolve("bin/modus-edge.mjs"), "build", "test/sdk/app", "--out", out]);
  wasm = new Uint8Array(readFileSync(path.join(out, "app.wasm")));
  const module = new WebAssembly.Module(wasm);
  metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
}, 120_000);

const fields = (type: string) => metadata.types[type].fields.map((f: { name: string; type: string }) => `${f.name}: ${f.type}`);
describe("the SDK's host imports", () => {
  it("are exactly the Modus imports the app uses, with Modus's signatures", () => {
    expect(metadata.fnImports).toEqual({
      "modus_models.getModelInfo": {
        parameters: [{ name: "modelName", type: STRING }],
        results: [{ type: `${SDK}/models/ModelInfo` }],
      },
      "modus_models.invokeModel": {
        parameters: [{ name: "modelName", type: STRING }, { name: "input", type: STRING }],
        results: [{ type: `${STRING} | null` }],
      },
      "modus_http_client.fetch": {
        parameters: [{ name: "request", type: `${SDK}/http/Request` }],
        results: [{ type: `${SDK}/http/Response` }],
      },
      "modus_secrets.getSecretValue": { parameters: [{ name: "name", type: STRING }], results: [{ type: STRING }] },
      "modus_system.getTimeInZone": {
        parameters: [{ name: "tz", type: `${STRING} | null` }],
        results: [{ type: `${STRING} | null` }],
      },
      "modus_system.logMessage": { parameters: [{ name: "level", type: STRING }, { name: "message", type: STRING }] },
    });
  });

  it("describe the classes that cross the boundary field by field, in Modus's order", () => {
    expect(fields(`${SDK}/models/ModelInfo`)).toEqual([`name: ${STRING}`, `fullName: ${STRING}`]);
    expect(fields(`${SDK}/http/Request`)).toEqual([
      `url: ${STRING}`,
      `method: ${STRING}`,
      `headers: ${SDK}/http/Headers`,
      "body: ~lib/arraybuffer/ArrayBuffer",
    ]);
    expect(fields(`${SDK}/http/Response`)).toEqual([
      "status: u16",
      `statusText: ${STRING}`,
      `headers: ${SDK}/http/Headers`,
      "body: ~lib/arraybuffer/ArrayBuffer",
    ]);
    expect(fields(`${SDK}/http/Headers`)).toEqual([`data: ~lib/map/Map<${STRING},${SDK}/http/Header>`]);
    expect(fields(`${SDK}/http/Header`)).toEqual([`name: ${STRING}`, `values: ~lib/array/Array<${STRING}>`]);
  });
});

describe("the SDK test app", () => {
  it("exports its functions with GraphQL-friendly signatures", () => {
    const sig = (name: string) => {
      const f = metadata.fnExports[name];
      return `(${(f.parameters ?? []).map((p: any) => `${p.name}: ${p.type}`).join(", ")}) => ${f.results?.[0]?.type ?? "void"}`;
    };
    expect(sig("openaiChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("openaiEmbed")).toBe(`(texts: ~lib/array/Array<${STRING}>) => ~lib/array/Array<~lib/array/Array<f32>>`);
    expect(sig("anthropicChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("geminiChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("httpGetText")).toBe(`(url: ${STRING}) => ${STRING}`);
    expect(sig("httpResponseHeader")).toBe(`(url: ${STRING}, name: ${STRING}) => ${STRING} | null`);
    expect(sig("secretValue")).toBe(`(name: ${STRING}) => ${STRING}`);
    expect(sig("claimsSubject")).toBe(`() => ${STRING}`);
    expect(sig("isValidTimeZone")).toBe(`(tz: ${STRING}) => bool`);
    expect(sig("durationOfSeconds")).toBe("(seconds: i64) => i64");
    // 64 functions, and the SDK's five agent entry points (recorded as Modus records them).
    expect(Object.keys(metadata.fnExports)).toHaveLength(69);
    expect(sig("_modus_agent_handle_message")).toBe(`(msgName: ${STRING}, data: ${STRING} | null) => ${STRING} | null`);
  });
});
