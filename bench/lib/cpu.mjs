// workerd's CPU time, which other processes on the machine do not inflate the way they inflate wall time.
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time the process's threads have run, in ms, from the scheduler's
 * nanosecond counters (/proc/<pid>/task/<tid>/schedstat): /proc/<pid>/stat
 * counts in 10 ms ticks, too coarse for batches of a few hundred ms.
 */
export function cpuMs(pid) {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

/** CPU time per thread of the process, in ms, by thread id. */
export function threadCpuMs(pid) {
  const out = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e6);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/**
 * CPU used between two {@link threadCpuMs} readings: by the busiest thread (the
 * one running the isolate's JavaScript and Wasm, what Workers bills) and by
 * all of them (adding the engine's background threads: GC, compilation).
 */
export function cpuDelta(before, after) {
  let busiest = 0;
  let all = 0;
  for (const [tid, ms] of after) {
    const d = ms - (before.get(tid) ?? 0);
    all += d;
    busiest = Math.max(busiest, d);
  }
  return { isolateMs: busiest, allMs: all };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
