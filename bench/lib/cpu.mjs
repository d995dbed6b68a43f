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

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
