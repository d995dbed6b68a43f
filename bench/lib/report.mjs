// The bench's report: markdown tables (readable in a terminal as well).
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { readFileSync } from "node:fs";
import path from "node:path";

const MiB = 1024 * 1024;
const ISOLATE_LIMIT = 128 * MiB;

/** nproc, CPU model, load average and the versions that matter. */
export function machine(root) {
  const version = (pkg) => JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  let workerd = version("workerd");
  try {
    workerd = `${execFileSync(path.join(root, "node_modules/.bin/workerd"), ["--version"], { encoding: "utf8" }).trim()} (npm ${version("workerd")})`;
  } catch {}
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    loadAverage: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    node: process.version,
    workerd,
    miniflare: version("miniflare"),
    autocannon: version("autocannon"),
    graphqlYoga: version("graphql-yoga"),
  };
}

const f = (n, d = 0) => (n === undefined || Number.isNaN(n) ? "n/a" : n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const table = (header, rows) =>
  [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** Capacity of one isolate from the largest in-flight run. */
export function inFlightSummary(inFlight) {
  const top = inFlight[inFlight.length - 1];
  const wasmPerCall = top.liveCalls ? top.wasmBytes / top.liveCalls : NaN;
  // RSS growth is a cross-check only: GC may return memory mid-run (then it is not counted).
  const grew = inFlight.filter((x) => x.rssDelta > 0);
  const rssPerCall = grew.length ? Math.max(...grew.map((x) => x.rssDelta / x.n)) : NaN;
  const byRss = Number.isFinite(rssPerCall) ? Math.floor(ISOLATE_LIMIT / rssPerCall) : NaN;
  const capacity = Number.isFinite(byRss) ? Math.min(byRss, Math.floor(ISOLATE_LIMIT / wasmPerCall)) : Math.floor(ISOLATE_LIMIT / wasmPerCall);
  return { top, wasmPerCall, rssPerCall, byWasm: Math.floor(ISOLATE_LIMIT / wasmPerCall), byRss, capacity };
}

/**
 * Issue 15's figures against their targets, for scripts: in-isolate CPU per
 * production /graphql request and its split, R1–R4 and R6, per-instance CPU.
 */
export function targetsOf(r) {
  const at = (value, target, atMost = false) => ({ value, target, met: atMost ? value <= target : value >= target });
  const ratio = (id) => {
    const q = r.ratios.find((x) => x.id === id);
    return at(r.rows[q.a].rps / r.rows[q.b].rps, q.target);
  };
  const cpu = r.inProcessCpu;
  return {
    cpuPerRequestUs: at(cpu.perRequest.wasm, 300, true),
    cpuSplitUs: cpu.split,
    logLineUs: cpu.logLineUs,
    R1: ratio("R1"),
    R2: ratio("R2"),
    R3: ratio("R3"),
    R4: ratio("R4"),
    R6: ratio("R6"),
    perInstanceUs: { example: at(cpu.perInstance.example, 40, true), large: at(cpu.perInstance.large, 80, true) },
    loadAverage: r.machine.loadAverage,
  };
}

/** Prints the report as markdown tables. */
export function printReport(r) {
  const out = [];
  const row = (k) => r.rows[k];
  out.push(`### Ratios (median of ${r.settings.rounds} interleaved rounds, ${r.settings.seconds} s each, ${r.settings.connections} connections)\n`);
  const ratioRows = r.ratios.map((q) => {
    const a = row(q.a);
    const b = row(q.b);
    const ratio = a.rps / b.rps;
    const perRound = a.runs.map((s, i) => s.rps / b.runs[i].rps);
    const range = perRound.length > 1 ? ` (${f(Math.min(...perRound), 2)}–${f(Math.max(...perRound), 2)})` : "";
    return [q.id, q.what, `${f(a.rps)} / ${f(b.rps)}`, `${f(a.p50, 1)} / ${f(b.p50, 1)}`, `${f(a.p99, 1)} / ${f(b.p99, 1)}`, `**${f(ratio, 2)}**${range}`, `≥ ${f(q.target, 2)}`, ratio >= q.target ? "yes" : "**no**"];
  });
  // A partial run (--sql) has only its own rows and ratios.
  const full = Boolean(r.size && r.inFlight && r.instances && r.inProcess);
  const gz = r.size?.gzipKiB;
  if (full) ratioRows.push(["R5", "production Worker upload, gzip (wrangler deploy --dry-run)", "", "", "", `**${f(gz, 1)} KiB** (raw ${f(r.size.totalKiB, 1)} KiB)`, "≤ 400 KiB", gz <= 400 ? "yes" : "**no**"]);
  const m = full ? inFlightSummary(r.inFlight) : undefined;
  if (m) ratioRows.push(["M1", `model calls in flight in one isolate (stub answers after 2 s)`, "", "", "", `**${f(m.capacity)}** within 128 MiB (answered ${m.top.ok}/${m.top.n}, ${m.top.liveCalls} alive at once)`, "≥ 500", m.capacity >= 500 ? "yes" : "**no**"]);
  out.push(table(["#", "comparison (A vs B)", "req/s A / B", "p50 ms A / B", "p99 ms A / B", "ratio A/B (range)", "target", "met"], ratioRows));

  out.push(`\n### Rows\n`);
  out.push(
    table(
      ["variant", "req/s", "p50 ms", "p99 ms", "req/s per round", "failed"],
      Object.values(r.rows).map((x) => [x.label, f(x.rps), f(x.p50, 1), f(x.p99, 1), x.runs.map((s) => f(s.rps)).join(", "), String(x.failures)]),
    ),
  );

  if (m) printRuntimeSections(r, m, out);
  if (r.connections) {
    const c = r.connections;
    out.push(`\n### D2: SQL connections (ms per select of 10 rows, ${c.n} in a loop inside one request, PostgreSQL on 127.0.0.1)\n`);
    out.push(table(["new connection per call (production)", "one connection reused", "cost of a connection"], [[f(c.perCallMs, 2), f(c.reusedMs, 2), f(c.connectMs, 2)]]));
  }
  const mc = r.machine;
  out.push(`\nMachine: ${mc.nproc} × ${mc.cpu}, load average at the end ${mc.loadAverage}; Node ${mc.node}, workerd ${mc.workerd}, miniflare ${mc.miniflare}, autocannon ${mc.autocannon}, graphql-yoga ${mc.graphqlYoga}.`);
  process.stdout.write(out.join("\n") + "\n");
}

/** Per-instance cost, in-isolate cost and M1 (full runs only). */
function printRuntimeSections(r, m, out) {
  out.push(`\n### Per-instance cost (µs per call, ${r.settings.instanceCalls} calls in a loop inside one request)\n`);
  out.push(
    table(
      ["module", "Wasm size", "initial memory", "instantiate", "_initialize", "lower + call + lift", "production invoke (all)"],
      Object.entries(r.instances).map(([name, c]) => [
        name,
        `${f(r.apps[name].wasmBytes / 1024, 0)} KiB`,
        `${f(c.memoryBytes / 1024, 0)} KiB`,
        f(c.instantiateUs, 1),
        f(c.initializeUs, 1),
        f(c.callUs, 1),
        f(c.invokeUs, 1),
      ]),
    ),
  );

  const mo = r.metering.overhead;
  out.push(`\n### Metering: CPU per call, metered vs unmetered build (workerd CPU time, median of interleaved rounds, production invoke)\n`);
  out.push(
    table(
      ["workload", "calls per batch", "fuel per call", "metered µs", "unmetered µs", "overhead (per-round range)"],
      Object.entries(mo).map(([name, m]) => {
        const range = `${f((Math.min(...m.perRound) - 1) * 100, 1)}% – ${f((Math.max(...m.perRound) - 1) * 100, 1)}%`;
        return [name, String(m.calls), f(m.fuel), f(m.meteredUs, 0), f(m.plainUs, 0), `**${f((m.meteredUs / m.plainUs - 1) * 100, 1)}%** (${range})`];
      }),
    ),
  );
  out.push(`\n### Metering: fuel burned per CPU ms by each kind of guest work (best of 3 batches; budgets count 8 M units as 1 ms)\n`);
  out.push(
    table(
      ["workload", "calls", "fuel", "workerd CPU ms", "M units per CPU ms"],
      Object.entries(r.metering.rates).map(([name, m]) => [name, String(m.calls), f(m.fuel), f(m.cpuMs, 1), f(m.fuel / m.cpuMs / 1e6, 1)]),
    ),
  );

  const ip = r.inProcess;
  out.push(`\n### In-isolate cost per request (µs, the app's fetch handler in a loop, no sockets)\n`);
  out.push(
    table(
      ["bare Hono route", "Yoga + JS resolver", "Yoga + Wasm, reused instance", "Yoga + Wasm, fresh (bench resolver)", "production /graphql", "one JSON log line"],
      [[f(ip.const, 0), f(ip.js, 0), f(ip.reused, 0), f(ip.fresh, 0), f(ip.wasm, 0), f(ip.logLine, 1)]],
    ),
  );

  const c = r.inProcessCpu;
  out.push(`\n### In-isolate CPU per request (µs of workerd CPU, median of interleaved rounds, ${r.settings.inProcessRequests} requests each)\n`);
  out.push(
    table(
      ["bare Hono route", "Hono + endpoint middleware", "Yoga + JS resolver", "Yoga + Wasm, reused instance", "Yoga + Wasm, fresh (bench resolver)", "production /graphql"],
      [[f(c.perRequest.const, 0), f(c.perRequest.mw, 0), f(c.perRequest.js, 0), f(c.perRequest.reused, 0), f(c.perRequest.fresh, 0), f(c.perRequest.wasm, 0)]],
    ),
  );
  const sp = c.split;
  out.push(
    `\nSplit of production /graphql: Hono + middleware ${f(sp.honoAndMiddleware, 0)}, Yoga ${f(sp.yoga, 0)}, instance ${f(sp.instance, 0)}, ` +
      `call path ${f(sp.callPath, 0)} (of which log lines ~${f(c.logLineUs, 1)} µs each, one per request and one per call); ` +
      `per instance (instantiate + _initialize, CPU): example ${f(c.perInstance.example, 1)} µs, large ${f(c.perInstance.large, 1)} µs.`,
  );
  const t = r.targets;
  if (t) {
    out.push(`\n### Issue 15 targets\n`);
    const yes = (x) => (x.met ? "yes" : "**no**");
    out.push(
      table(
        ["figure", "value", "target", "met"],
        [
          ["CPU per production /graphql request", `${f(t.cpuPerRequestUs.value, 0)} µs`, "≤ 300 µs", yes(t.cpuPerRequestUs)],
          ...["R1", "R2", "R3", "R4", "R6"].map((id) => [id, f(t[id].value, 2), `≥ ${f(t[id].target, 2)}`, yes(t[id])]),
          ["per instance, example", `${f(t.perInstanceUs.example.value, 1)} µs`, "≤ 40 µs", yes(t.perInstanceUs.example)],
          ["per instance, large", `${f(t.perInstanceUs.large.value, 1)} µs`, "≤ 80 µs", yes(t.perInstanceUs.large)],
        ],
      ),
    );
  }

  out.push(`\n### M1: suspended model calls\n`);
  out.push(
    table(
      ["sent at once", "answered", "most alive at once", "Wasm memory held", "per call", "workerd RSS growth", "per call"],
      r.inFlight.map((x) => [
        String(x.n),
        String(x.ok),
        String(x.liveCalls),
        `${f(x.wasmBytes / MiB, 1)} MiB`,
        `${f(x.liveCalls ? x.wasmBytes / x.liveCalls / 1024 : NaN, 0)} KiB`,
        !(x.rssDelta > 0) ? "n/a (GC returned memory)" : `${f(x.rssDelta / MiB, 1)} MiB`,
        !(x.rssDelta > 0) ? "n/a" : `${f(x.rssDelta / x.n / 1024, 0)} KiB`,
      ]),
    ),
  );
  out.push(
    `\n128 MiB / Wasm memory per call = ${f(m.byWasm)} calls; 128 MiB / largest RSS growth per call = ${f(m.byRss)} calls (the table's figure is the smaller).` +
      ` Same model request from both R3 paths: ${r.sameModelRequest ? "yes" : "NO"}.`,
  );
}
