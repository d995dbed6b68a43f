// Times the bench Worker's metering workloads (bench/variants/metering.ts)
// by workerd's CPU time, which other processes on the machine do not
// inflate the way they inflate wall time.
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time the process's threads have run, in ms, from the scheduler's
 * nanosecond counters (/proc/<pid>/task/<tid>/schedstat): /proc/<pid>/stat
 * counts in 10 ms ticks, too coarse for batches of a few hundred ms.
 */
function cpuMs(pid) {
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(url, pid, name, build, calls) {
  const before = cpuMs(pid);
  const res = await fetch(`${url}/bench/metering/run?name=${name}&build=${build}&calls=${calls}`);
  const body = await res.json();
  if (!res.ok) throw new Error(`metering run ${name}/${build} answered ${res.status}: ${JSON.stringify(body)}`);
  return { cpuMs: cpuMs(pid) - before, fuel: body.fuel };
}

/**
 * For each `overhead` workload, interleaved rounds of metered and unmetered
 * batches (`calls` each, sized to ~0.3 s of CPU), the median CPU per call of
 * each; for each `rates` workload, fuel per CPU ms of the metered build.
 */
export async function measureMetering({ url, pid, overhead, rates, rounds = 5 }) {
  const out = { overhead: {}, rates: {} };
  for (const [name, calls] of Object.entries(overhead)) {
    await timed(url, pid, name, "metered", calls);
    await timed(url, pid, name, "plain", calls);
    const metered = [];
    const plain = [];
    let fuel = 0;
    for (let r = 0; r < rounds; r++) {
      const m = await timed(url, pid, name, "metered", calls);
      const p = await timed(url, pid, name, "plain", calls);
      metered.push(m.cpuMs / calls);
      plain.push(p.cpuMs / calls);
      fuel = m.fuel / calls;
    }
    out.overhead[name] = { calls, fuel, meteredUs: median(metered) * 1000, plainUs: median(plain) * 1000, perRound: metered.map((m, i) => m / plain[i]) };
  }
  for (const [name, calls] of Object.entries(rates)) {
    await timed(url, pid, name, "metered", 1);
    const runs = [];
    for (let r = 0; r < 3; r++) runs.push(await timed(url, pid, name, "metered", calls));
    const best = runs.reduce((a, b) => (b.fuel / b.cpuMs > a.fuel / a.cpuMs ? b : a));
    out.rates[name] = { calls, fuel: best.fuel, cpuMs: best.cpuMs };
  }
  return out;
}
