import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startProviderStub, type ProviderStub } from "../support/provider-stub";
import { ask, startDev, until, type DevServer } from "./dev-server";

// `modus-edge dev` as a user runs it: an app whose keys sit where Modus and
// wrangler users put them, next to a module built elsewhere served with
// --wasm and --inspect, the two servers side by side.

const KEY = `sk-dev-env-${Math.random().toString(36).slice(2, 12)}`;

/** Each way of setting a key, and the connection whose key is set only that way. */
const SOURCES: [connection: string, source: string][] = [
  ["devvars", ".dev.vars"],
  ["envdevlocal", ".env.dev.local"],
  ["envdev", ".env.dev"],
  ["envdevelopmentlocal", ".env.development.local"],
  ["envdevelopment", ".env.development"],
  ["envlocal", ".env.local"],
  ["env", ".env"],
  ["shell", "shell"],
];

const PREBUILT = path.resolve("test/cli/fixtures/prebuilt");

function writeApp(dir: string, stubOrigin: string) {
  const connections = Object.fromEntries(
    SOURCES.map(([c]) => [c, { type: "http", baseUrl: "https://api.openai.com/", headers: { Authorization: "Bearer {{API_KEY}}" } }]),
  );
  const models = Object.fromEntries(SOURCES.map(([c]) => [c, { sourceModel: `model-${c}`, connection: c, path: "v1/chat/completions" }]));
  const manifest = { endpoints: { default: { type: "graphql", path: "/graphql", auth: "none" } }, connections, models };
  mkdirSync(path.join(dir, "assembly"), { recursive: true });
  writeFileSync(path.join(dir, "modus.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(
    path.join(dir, "assembly", "index.ts"),
    [
      'import { models } from "@hypermode/modus-sdk-as";',
      'import { OpenAIChatModel, UserMessage } from "@hypermode/modus-sdk-as/models/openai/chat";',
      "",
      "export function ask(model: string, prompt: string): string {",
      "  const m = models.getModel<OpenAIChatModel>(model);",
      "  return m.invoke(m.createInput([new UserMessage(prompt)])).choices[0].message.content;",
      "}",
      "",
    ].join("\n"),
  );
  const lines: Record<string, string[]> = {};
  for (const [c, source] of SOURCES) if (source !== "shell") (lines[source] ??= []).push(`MODUS_${c.toUpperCase()}_API_KEY=${KEY}`);
  // The connections all go to the stand-in; a wrong key where a higher source overrides it.
  lines[".env"]!.push(...SOURCES.map(([c]) => `MODUS_${c.toUpperCase()}_ORIGIN=${stubOrigin}`), "MODUS_ENVDEV_API_KEY=overridden-by-env-dev");
  lines[".dev.vars"]!.push("MODUS_SHELL_API_KEY=overridden-by-the-shell");
  for (const [file, text] of Object.entries(lines)) writeFileSync(path.join(dir, file), `# ${file}\n${text.join("\n")}\n`);
}

/** Every file under `dir`, with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((f) => `${path.relative(dir, f)} ${statSync(f).size} ${statSync(f).mtimeMs}`)
    .sort();
}

function filesContaining(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => readFileSync(f).includes(text));
}

describe("modus-edge dev: env as Modus and wrangler users set it, two servers side by side", () => {
  let stub: ProviderStub;
  let app: string;
  let appBefore: string[];
  let out: string;
  let envServer: DevServer;
  let wasmServer: DevServer;
  let wasmCopy: string;

  beforeAll(async () => {
    stub = await startProviderStub({ apiKey: KEY });
    const root = mkdtempSync(path.join(tmpdir(), "modus-edge-dev-env-"));
    app = path.join(root, "app");
    out = path.join(root, "out");
    writeApp(app, new URL(stub.url).origin);
    appBefore = snapshot(app);
    wasmCopy = path.join(root, "elsewhere", "module.wasm");
    mkdirSync(path.dirname(wasmCopy));
    copyFileSync(path.join(PREBUILT, "modules", "release.wasm"), wasmCopy);
    // Both at once: each on its own port.
    [envServer, wasmServer] = await Promise.all([
      startDev([app, "--out", out], { env: { MODUS_SHELL_API_KEY: KEY, NOT_MODUS_SECRET: KEY } }),
      startDev([PREBUILT, "--wasm", wasmCopy, "--inspect", "--out", path.join(root, "out-wasm")]),
    ]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([envServer?.stop(), wasmServer?.stop()]);
    await stub?.close();
  });

  it.each(SOURCES)("a key for connection %s set in %s reaches the model call", async (connection) => {
    const body = await ask(envServer.port, `{ ask(model: "${connection}", prompt: "hi") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.ask).toBe(`model=model-${connection}; system=; user=hi`);
  });

  it("says which env files it read and which MODUS_* shell variables, never a value", () => {
    const output = envServer.output();
    expect(output).toContain(
      "modus-edge: env from .dev.vars, .env.dev.local, .env.dev, .env.development.local, .env.development, .env.local, .env, " +
        "MODUS_SHELL_API_KEY from the shell\n",
    );
    expect(output).not.toContain(KEY);
    expect(output).not.toContain("NOT_MODUS_SECRET");
  });

  it("keeps the keys off every command line and out of the app folder and the build folder", () => {
    const all = [...envServer.processes(), ...wasmServer.processes()];
    expect(all.length).toBeGreaterThan(1);
    expect(all.filter((args) => args.includes(KEY))).toEqual([]);
    expect(snapshot(app)).toEqual(appBefore);
    expect(filesContaining(out, KEY)).toEqual([]);
  });

  it("serves a module built elsewhere (a release build) with the app's JSONC manifest", async () => {
    const body = await ask(wasmServer.port, `{ sayHello(name: "wasm") midpoint(a: { x: 0, y: 0 }, b: { x: 2, y: 4 }) { x y } }`);
    expect(body.data).toEqual({ sayHello: "Hello, wasm!", midpoint: { x: 1, y: 2 } });
    expect(wasmServer.output()).toContain("modus-edge: using ");
  });

  it("serves the debug build of it when the module file is replaced", async () => {
    const before = (await (await fetch(`http://127.0.0.1:${wasmServer.port}/health`)).json()) as { buildId: string };
    copyFileSync(path.join(PREBUILT, "modules", "debug.wasm"), wasmCopy);
    const after = await until(async () => {
      const h = (await (await fetch(`http://127.0.0.1:${wasmServer.port}/health`).catch(() => undefined))?.json()) as
        | { buildId: string }
        | undefined;
      return h && h.buildId !== before.buildId ? h : undefined;
    }, 60_000);
    expect(after.buildId).not.toBe(before.buildId);
    const body = await ask(wasmServer.port, `{ sayHello(name: "debug") }`);
    expect(body.data).toEqual({ sayHello: "Hello, debug!" });
  });

  it("attaches an inspector only to the server started with --inspect", () => {
    const inspected = (server: DevServer) => server.processes().some((args) => args.includes("--inspector-addr"));
    expect(inspected(envServer)).toBe(false);
    expect(inspected(wasmServer)).toBe(true);
    expect(wasmServer.output()).toMatch(/modus-edge: inspector at (ws|http):\/\/127\.0\.0\.1:\d+/);
    expect(envServer.output()).not.toContain("inspector");
  });
});
