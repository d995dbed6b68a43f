// R5: the production Worker's upload size, as `wrangler deploy --dry-run` reports it.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildIfStale } from "./build.mjs";

/** @returns {Promise<{ totalKiB: number, gzipKiB: number }>} */
export async function uploadSize({ root }) {
  // The production Worker serves build/ (`npm run build`), which a fresh clone does not have yet.
  if (!existsSync(path.join(root, "build", "explorer"))) rmSync(path.join(root, "build", "app.wasm"), { force: true });
  await buildIfStale({ root, appDir: path.join(root, "functions"), outDir: path.join(root, "build") });
  const outdir = mkdtempSync(path.join(tmpdir(), "modus-edge-dry-"));
  const wrangler = path.join(root, "node_modules/.bin/wrangler");
  const { stdout } = await promisify(execFile)(wrangler, ["deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    timeout: 120_000,
  });
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
  if (!m) throw new Error(`wrangler deploy --dry-run printed no upload size:\n${stdout}`);
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]) };
}
