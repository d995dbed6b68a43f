// npm run bench:inproc [-- --rounds N]: only the in-isolate figures (workerd
// CPU per request of each variant and its split, per instance), for quick
// before/after checks while working on the request path. npm run bench runs
// the same measurement among everything else.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildBenchApps } from "./lib/apps.mjs";
import { startBenchWorker } from "./lib/worker.mjs";
import { measureInProcessCpu } from "./lib/inproc.mjs";
import { readFileSync } from "node:fs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf("--rounds") + 1] || 5);
await buildBenchApps(root);
const worker = await startBenchWorker({ root, bindings: { MODUS_ENV: "dev" } });
try {
  const r = await measureInProcessCpu({ url: worker.directUrl, pid: worker.pid, n: 400, instances: 1000, rounds });
  const f = (o) => Object.entries(o).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
  process.stdout.write(`all threads: ${f(r.perRequestAllThreads)}\n`);
  process.stdout.write(`CPU µs per request: ${f(r.perRequest)}\nsplit: ${f(r.split)}\nper instance: ${f(r.perInstance)}; log line ${r.logLineUs.toFixed(1)} µs\n`);
  process.stdout.write(`rounds: ${JSON.stringify(Object.fromEntries(Object.entries(r.perRequestRounds).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}\n`);
  process.stdout.write(`load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}\n`);
} finally {
  await worker.dispose();
}
