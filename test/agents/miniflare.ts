// Node side: bundles a Worker entry (as wrangler would, Wasm kept as
// CompiledWasm modules) and serves it under miniflare's API with the agents'
// Durable Objects, optionally persisted to a folder so a second Worker
// started on it sees what the first one stored.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const root = path.resolve(import.meta.dirname, "../..");

export interface BundledWorker {
  dir: string;
  modules: { type: "ESModule" | "CompiledWasm"; path: string }[];
}

/** Bundles `entry` into a temporary folder. */
export async function bundleWorker(entry: string): Promise<BundledWorker> {
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-agents-"));
  const wasm = new Map<string, string>();
  await build({
    entryPoints: [entry],
    outfile: path.join(dir, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    external: ["cloudflare:*"],
    logLevel: "warning",
    plugins: [
      {
        name: "compiled-wasm",
        setup(b) {
          b.onResolve({ filter: /\.wasm$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            if (!wasm.has(file)) wasm.set(file, `wasm-${wasm.size}.wasm`);
            return { path: `./${wasm.get(file)}`, external: true };
          });
        },
      },
    ],
  });
  for (const [file, name] of wasm) copyFileSync(file, path.join(dir, name));
  return {
    dir,
    modules: [
      { type: "ESModule", path: path.join(dir, "worker.js") },
      ...[...wasm.values()].map((name) => ({ type: "CompiledWasm" as const, path: path.join(dir, name) })),
    ],
  };
}

/** The Durable Object classes src/durable-objects.json binds, as miniflare options. */
export function durableObjectOptions(): Record<string, { className: string; useSQLite: boolean }> {
  const { classes } = JSON.parse(readFileSync(path.join(root, "src/durable-objects.json"), "utf8"));
  return Object.fromEntries(classes.map((c: { binding: string; className: string }) => [c.binding, { className: c.className, useSQLite: true }]));
}

/** Serves a bundled Worker; `persist` keeps its Durable Objects' storage in a folder. */
export async function serveWorker(worker: BundledWorker, opts: { persist: string; bindings: Record<string, string> }) {
  const mf = new Miniflare({
    modules: worker.modules,
    modulesRoot: worker.dir,
    compatibilityDate: "2026-04-26",
    bindings: opts.bindings,
    durableObjects: durableObjectOptions(),
    durableObjectsPersist: opts.persist,
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = String(await mf.ready).replace(/\/$/, "");
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  return { url, gql, dispose: () => mf.dispose() };
}
