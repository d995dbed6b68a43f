// Builds the apps the bench Worker imports, skipping a build whose output is
// newer than every source it depends on (the app folder and the SDK).
import { existsSync, readdirSync, statSync } from "node:fs";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/** The newest modification time of any file under `dirs` (node_modules and build folders skipped). */
function newest(dirs) {
  let t = 0;
  const walk = (p) => {
    const s = statSync(p);
    if (!s.isDirectory()) return void (t = Math.max(t, s.mtimeMs));
    for (const e of readdirSync(p)) if (e !== "node_modules" && e !== "build") walk(path.join(p, e));
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return t;
}

/**
 * Builds `appDir` into `outDir` unless it is up to date; returns the Wasm file and whether it was built.
 * `meter: false` builds without the metering (the baseline the metering overhead is measured against).
 * @param {{ root: string, appDir: string, outDir: string, meter?: boolean }} opts
 */
export async function buildIfStale({ root, appDir, outDir, meter = true }) {
  const wasmFile = path.join(outDir, "app.wasm");
  const meterFiles = ["meter.mjs", "meter-ir.mjs", "meter-loops.mjs"].map((f) => path.join(root, "cli", f));
  const sources = newest([appDir, path.join(root, "sdk"), ...meterFiles]);
  if (existsSync(wasmFile) && statSync(wasmFile).mtimeMs > sources) return { wasmFile, built: false };
  // As a user runs it, in its own process: the compiler's chatter stays out of the report.
  // Unmetered has no CLI flag (production never wants it): buildApp is called directly.
  const unmetered = `import { buildApp } from ${JSON.stringify(path.join(root, "cli/build.mjs"))};
    await buildApp({ appDir: ${JSON.stringify(appDir)}, outDir: ${JSON.stringify(outDir)}, meter: false, quiet: true });`;
  const args = meter ? [path.join(root, "bin/modus-edge.mjs"), "build", appDir, "--out", outDir] : ["--input-type=module", "-e", unmetered];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 1 << 24 });
  } catch (err) {
    throw new Error(`building ${path.relative(root, appDir)} failed:\n${err.stderr || err.message}`);
  }
  return { wasmFile, built: true };
}
