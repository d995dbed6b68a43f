// Runs bench/abi.ts inside workerd through miniflare's API (offline, no
// debugger attached), prints a table and, with --markdown, the rows for
// BENCHMARKS.md. Usage: npm run bench:abi [-- --markdown]
import { mkdtempSync, copyFileSync, existsSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wasm = path.join(root, "test/fixtures/build/abi/app.wasm");
if (!existsSync(wasm)) {
  console.error("bench:abi needs the fixture: run `npm run build:fixtures` first");
  process.exit(1);
}

const out = mkdtempSync(path.join(tmpdir(), "modus-edge-bench-"));
copyFileSync(wasm, path.join(out, "app.wasm"));
await build({
  entryPoints: [path.join(root, "bench/abi.ts")],
  outfile: path.join(out, "worker.js"),
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  logLevel: "warning",
  plugins: [
    {
      name: "fixture-wasm",
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, () => ({ path: "./app.wasm", external: true }));
      },
    },
  ],
});

const mf = new Miniflare({
  modules: [
    { type: "ESModule", path: path.join(out, "worker.js") },
    { type: "CompiledWasm", path: path.join(out, "app.wasm") },
  ],
  modulesRoot: out,
  compatibilityDate: "2026-04-26",
  // Offline: no fetch of the Request.cf object.
  cf: false,
});
try {
  const res = await mf.dispatchFetch("http://bench/");
  if (!res.ok) throw new Error(`bench worker answered ${res.status}: ${await res.text()}`);
  const { results, calls } = await res.json();
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const rows = results.map((r) => [
    r.family,
    `${fmt(r.lowerNsPerOp / 1000)} µs`,
    `${fmt(r.liftNsPerOp / 1000)} µs`,
    r.unit === "op" ? "" : `${fmt(r.lowerNsPerUnit)} ns/${r.unit}`,
    r.unit === "op" ? "" : `${fmt(r.liftNsPerUnit)} ns/${r.unit}`,
  ]);
  const header = ["family", "lower", "lift", "lower per unit", "lift per unit"];
  if (process.argv.includes("--markdown")) {
    console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log(`\nWhole calls (mean of a run, instantiate + lower + call + lift):`);
    for (const [name, ms] of Object.entries(calls)) console.log(`- \`${name}\`: ${ms.toFixed(2)} ms`);
  } else {
    console.table(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))));
    console.log("whole calls (mean ms):", calls);
  }
  console.log(`\n${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}, workerd via miniflare`);
} finally {
  await mf.dispose();
}
