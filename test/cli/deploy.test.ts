import { describe, expect, it, onTestFinished } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

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
