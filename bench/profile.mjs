// node --experimental-websocket bench/profile.mjs [target] [n]: a V8 CPU profile of the bench Worker
// inside workerd while it handles `n` requests of `target` (see
// bench/worker.ts's in-isolate targets; default production /graphql), summed
// by function: self time, then time including callees. For finding where a
// request's CPU goes; the figures of record come from npm run bench.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildBenchApps } from "./lib/apps.mjs";
import { startBenchWorker } from "./lib/worker.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [target = "wasm", n = "2000"] = process.argv.slice(2);
const port = Number(process.env.BENCH_INSPECTOR_PORT ?? 8931);
await buildBenchApps(root);
const worker = await startBenchWorker({ root, bindings: { MODUS_ENV: "dev" }, inspectorPort: port });
try {
  const list = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const core = list.find((t) => /core:user/.test(t.title ?? t.id)) ?? list[0];
  const ws = new WebSocket(core.webSocketDebuggerUrl ?? `ws://127.0.0.1:${port}/${core.id}`);
  await new Promise((r, j) => (ws.addEventListener("open", r), ws.addEventListener("error", j)));
  let id = 0;
  const pending = new Map();
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(String(e.data));
    if (m.id && pending.has(m.id)) pending.get(m.id)(m), pending.delete(m.id);
  });
  const send = (method, params = {}) => new Promise((r) => (pending.set(++id, r), ws.send(JSON.stringify({ id, method, params }))));
  const run = (k) => fetch(`${worker.directUrl}/bench/inproc/run?target=${target}&n=${k}`).then((r) => r.text());
  await run(200);
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 50 });
  await send("Profiler.start");
  await run(Number(n));
  const { result } = await send("Profiler.stop");
  ws.close();
  const { nodes, samples, timeDeltas } = result.profile;
  const byId = new Map(nodes.map((x) => [x.id, x]));
  const self = new Map();
  nodes.forEach((x) => (x.hits = 0));
  samples.forEach((s, i) => (byId.get(s).hits += timeDeltas[i] ?? 0));
  const parent = new Map();
  for (const x of nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const label = (x) => `${x.callFrame.functionName || "(anonymous)"} ${x.callFrame.url.split("/").slice(-2).join("/")}:${x.callFrame.lineNumber + 1}`;
  const total = new Map();
  for (const x of nodes) {
    self.set(label(x), (self.get(label(x)) ?? 0) + x.hits);
    // Time including callees: once per label along each sample's stack.
    const seen = new Set();
    for (let p = x; p; p = byId.get(parent.get(p.id))) {
      const l = label(p);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + x.hits);
    }
  }
  const perReq = (us) => (us / Number(n)).toFixed(1).padStart(7);
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, us]) => `${perReq(us)} µs/req  ${l}`).join("\n");
  process.stdout.write(`self time:\n${top(self, 45)}\n\ntotal time:\n${top(total, 60)}\n`);
} finally {
  await worker.dispose();
}
