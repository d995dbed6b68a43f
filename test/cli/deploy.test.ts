import { describe, expect, it, onTestFinished } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { meterWasm } from "../../cli/meter.mjs";
import { modusEdge } from "./run-cli";

const run = promisify(execFile);
// Workers' free plan allows 3 MB compressed; the runtime keeps well under it so apps have room.
const BUDGET_KIB = 400;

describe("wrangler deploy --dry-run of the built app", () => {
  it(`uploads a Worker (bundle + Wasm) under ${BUDGET_KIB} KiB gzip, with the explorer as assets only`, async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), "modus-edge-deploy-"));
    onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
    const { stdout, stderr } = await run(
      process.execPath,
      [path.resolve("node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
      { env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" } },
    );
    const output = stdout + stderr;

    const reported = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
    expect(reported, output).not.toBeNull();
    const gzipKiB = Number(reported![2]);
    console.log(`deploy dry-run: ${reported![0]}`);
    expect(gzipKiB).toBeGreaterThan(0);
    expect(gzipKiB).toBeLessThan(BUDGET_KIB);

    // The same measure taken from the files themselves, so the budget does not rest on a log line.
    const files = readdirSync(outdir);
    const uploaded = files.filter((f) => f === "index.js" || f.endsWith(".wasm"));
    expect(uploaded).toHaveLength(2);
    const ownKiB = uploaded.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(outdir, f))).length, 0) / 1024;
    expect(ownKiB).toBeLessThan(BUDGET_KIB);

    // The explorer ships as static assets, never inside the Worker's code.
    expect(output).toMatch(/Read 3 files from the assets directory .*build\/explorer/);
    expect(output).toContain("env.ASSETS");
    const bundle = readFileSync(path.join(outdir, "index.js"), "utf8");
    for (const marker of ["graphiql-execute-button", "CodeMirror", "endpoint-picker"]) expect(bundle).not.toContain(marker);
    expect(files.filter((f) => /\.(css|html)$/.test(f))).toEqual([]);
  }, 120_000);
});

describe("modus-edge deploy --wasm", () => {
  it("deploys a module built elsewhere with the app's JSONC manifest, as plain data", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "modus-edge-deploy-wasm-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const app = path.resolve("test/cli/fixtures/prebuilt");
    const wasm = path.join(app, "modules", "release.wasm");
    const outdir = path.join(root, "dist");
    const r = await modusEdge("deploy", app, "--wasm", wasm, "--out", path.join(root, "out"), "--", "--dry-run", "--outdir", outdir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/modus-edge: using .*release\.wasm \(prebuilt-fixture built by modus-sdk-as@[^,]+, 2 functions\)/);
    expect(r.stdout + r.stderr).toContain("--dry-run: exiting now.");
    const uploaded = readdirSync(outdir).filter((f) => f.endsWith(".wasm"));
    expect(uploaded).toHaveLength(1);
    // The module as given, metered (cli/meter.mjs) as every module the Worker serves.
    expect(readFileSync(path.join(outdir, uploaded[0]!)).equals(Buffer.from(meterWasm(readFileSync(wasm))))).toBe(true);
    // The manifest reached the bundle as data: comments gone, values kept.
    const bundle = readFileSync(path.join(outdir, "worker.js"), "utf8");
    expect(bundle).toMatch(/var modus_default = \{[^]*?endpoints: \{\s*default: \{\s*type: "graphql",\s*path: "\/graphql",\s*auth: "none"\s*\}/);
    expect(bundle).not.toContain("no keys in tests");
  }, 120_000);

  it("names a file that is not a Wasm module", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "modus-edge-deploy-wasm-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const notWasm = path.join(root, "app.wasm");
    writeFileSync(notWasm, "not a module");
    const r = await modusEdge("deploy", "test/cli/fixtures/prebuilt", "--wasm", notWasm, "--out", path.join(root, "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^modus-edge: --wasm: ${notWasm.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a WebAssembly module \\(.+\\)\\n$`));
  });
});
