// The apps the bench Worker imports, built into bench/build/<name> (skipped when up to date).
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build.mjs";

const BUILDS = [
  ["example", "functions", true],
  ["large", "bench/apps/large", true],
  ["agents", "test/agents/app", true],
  ["collections", "bench/apps/collections", true],
  ["example-unmetered", "functions", false],
  ["large-unmetered", "bench/apps/large", false],
  // The hostile test app: its loops calibrate how fast each kind of work burns fuel.
  ["hardening", "test/hardening/app", true],
  ["hardening-unmetered", "test/hardening/app", false],
  // D1, D2: the postgresql test app, written like Modus's example.
  ["sql", "test/data/apps/postgresql", true],
];

/**
 * Builds every bench app that is stale; returns each one's Wasm size and whether it was built.
 * @param {string} root
 */
export async function buildBenchApps(root) {
  /** @type {Record<string, { wasmBytes: number, built: boolean }>} */
  const apps = {};
  for (const [name, dir, meter] of BUILDS) {
    const { wasmFile, built } = await buildIfStale({ root, appDir: path.join(root, String(dir)), outDir: path.join(root, "bench/build", String(name)), meter: Boolean(meter) });
    apps[String(name)] = { wasmBytes: readFileSync(wasmFile).length, built };
  }
  return apps;
}
