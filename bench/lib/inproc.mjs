// In-isolate CPU per request and per instance, by the CPU time of workerd's isolate thread: the
// bench Worker runs a batch of requests (or instances) inside one request
// (bench/variants/inproc.ts, instances.ts) and the runner reads the CPU its
// threads used around it. Medians of interleaved rounds.
import { cpuDelta, median, threadCpuMs } from "./cpu.mjs";

/** The in-isolate targets, in the order the split subtracts them. */
export const TARGETS = ["const", "mw", "js", "fresh", "wasm", "reused"];

// The isolate thread's CPU (what Workers bills); allMs adds workerd's background threads.
async function batch(url, pid, path) {
  const before = threadCpuMs(pid);
  const res = await fetch(`${url}${path}`);
  const body = await res.json();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
  const { isolateMs, allMs } = cpuDelta(before, threadCpuMs(pid));
  return { cpuMs: isolateMs, allMs, body };
}

/**
 * µs of workerd CPU per request for each target (the app's fetch handler in
 * a loop of `n`), per instance (instantiate + `_initialize`, production's
 * `instantiateFor`) of each module, and the split of production /graphql.
 */
export async function measureInProcessCpu({ url, pid, n, instances, rounds }) {
  const perRequest = Object.fromEntries(TARGETS.map((t) => [t, []]));
  const perRequestAll = Object.fromEntries(TARGETS.map((t) => [t, []]));
  const perInstance = { example: [], large: [] };
  for (const t of TARGETS) await batch(url, pid, `/bench/inproc/run?target=${t}&n=${Math.ceil(n / 4)}`);
  for (let r = 0; r < rounds; r++) {
    for (const t of TARGETS) {
      const b = await batch(url, pid, `/bench/inproc/run?target=${t}&n=${n}`);
      perRequest[t].push((b.cpuMs * 1000) / n);
      perRequestAll[t].push((b.allMs * 1000) / n);
    }
    for (const m of Object.keys(perInstance)) {
      perInstance[m].push(((await batch(url, pid, `/bench/instances/run?module=${m}&n=${instances}`)).cpuMs * 1000) / instances);
    }
  }
  const us = Object.fromEntries(TARGETS.map((t) => [t, median(perRequest[t])]));
  const logLine = (await batch(url, pid, `/bench/logline?n=2000`)).body.us;
  return {
    perRequest: us,
    perRequestRounds: perRequest,
    // With workerd's background threads (GC, compilation) as well.
    perRequestAllThreads: Object.fromEntries(TARGETS.map((t) => [t, median(perRequestAll[t])])),
    perInstance: Object.fromEntries(Object.entries(perInstance).map(([m, xs]) => [m, median(xs)])),
    logLineUs: logLine,
    // Instance: measured on its own (production's instantiateFor); the call path is the rest of what Wasm adds.
    split: {
      honoAndMiddleware: us.mw,
      yoga: us.js - us.mw,
      instance: median(perInstance.example),
      callPath: us.wasm - us.js - median(perInstance.example),
      total: us.wasm,
    },
  };
}
