// R5: the production Worker's upload size, as `wrangler deploy --dry-run` reports it.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** @returns {Promise<{ totalKiB: number, gzipKiB: number }>} */
export async function uploadSize({ root }) {
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
