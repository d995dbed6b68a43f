// Bundles bench/worker.ts with esbuild and serves it under miniflare's API
// (workerd with no debugger attached) on 127.0.0.1.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

/**
 * @param {{ root: string, bindings: Record<string, string>, durableObjects?: Record<string, { className: string, useSQLite: boolean }>, inspectorPort?: number }} opts
 * @returns {Promise<{ url: string, directUrl: string, pid: number | undefined, recentStderr: () => string, dispose: () => Promise<void> }>}
 */
export async function startBenchWorker({ root, bindings, durableObjects, inspectorPort }) {
  // With an inspector attached every console line also goes over it, which would dominate a profile.
  const out = mkdtempSync(path.join(tmpdir(), "modus-edge-bench-"));
  const wasm = new Map(); // source path -> module name in `out`
  await build({
    entryPoints: [path.join(root, "bench/worker.ts")],
    outfile: path.join(out, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    minify: false,
    logLevel: "warning",
    // NODE_ENV as `wrangler deploy` defines it, so libraries take their production paths (graphql-js's instanceof checks).
    define: {
      BENCH_QUIET_LOGS: inspectorPort ? "true" : "false",
      "process.env.NODE_ENV": '"production"',
      "global.process.env.NODE_ENV": '"production"',
      "globalThis.process.env.NODE_ENV": '"production"',
    },
    // workerd's own modules (nodejs_compat for the database drivers).
    external: ["node:*", "cloudflare:*"],
    plugins: [
      {
        // Wasm stays a separate CompiledWasm module, as wrangler's rule makes it.
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
  for (const [file, name] of wasm) copyFileSync(file, path.join(out, name));
  const before = childPids();
  const recent = [];
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: path.join(out, "worker.js") },
      ...[...wasm.values()].map((name) => ({ type: "CompiledWasm", path: path.join(out, name) })),
    ],
    modulesRoot: out,
    compatibilityDate: "2026-04-26",
    compatibilityFlags: ["nodejs_compat"],
    bindings,
    ...(durableObjects ? { durableObjects } : {}),
    // Only for profiling (bench/profile.mjs): an attached inspector slows the Worker.
    ...(inspectorPort ? { inspectorPort } : {}),
    host: "127.0.0.1",
    port: 0,
    // A socket straight to the Worker as well, past miniflare's entry worker.
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
    // The Worker logs a JSON line per request and call: read and dropped, so
    // the terminal is not what is measured. The last lines of stderr are kept.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.on("data", (d) => {
        recent.push(String(d).slice(0, 300));
        if (recent.length > 10) recent.shift();
      });
    },
  });
  const url = String(await mf.ready).replace(/\/$/, "");
  const directUrl = String(await mf.unsafeGetDirectURL()).replace(/\/$/, "");
  const pid = childPids().find((p) => !before.includes(p) && comm(p) === "workerd");
  return { url, directUrl, pid, recentStderr: () => recent.join(""), dispose: () => mf.dispose() };
}

function childPids() {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(process.pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Resident memory of a process in bytes (VmRSS), or undefined. */
export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
