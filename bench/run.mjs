// npm run bench [-- --quick] [-- --sql]   (prints markdown tables; results also in bench/build/results.json)
// --sql measures only the data rows (D1, D2) against a real PostgreSQL.
// Builds the example and large apps, serves bench/worker.ts under miniflare's
// API on 127.0.0.1, drives each variant with autocannon in interleaved,
// time-bounded rounds, and prints the ratios (medians of the rounds) with
// requests/s, p50 and p99 per row, the per-instance cost, the upload size
// and the in-flight model calls one isolate holds.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildBenchApps } from "./lib/apps.mjs";
import { startBenchWorker } from "./lib/worker.mjs";
import { startStub, startNodeYoga, startBenchPostgres } from "./lib/servers.mjs";
import { drive, median } from "./lib/load.mjs";
import { uploadSize } from "./lib/size.mjs";
import { holdInFlight } from "./lib/memory.mjs";
import { measureMetering } from "./lib/metering.mjs";
import { measureInProcessCpu } from "./lib/inproc.mjs";
import { machine, printReport, targetsOf } from "./lib/report.mjs";
import { agentsReport, measureAgents } from "./lib/agents.mjs";
import { collectionsReport, measureCollections } from "./lib/collections.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const sqlOnly = argv.includes("--sql");
const settings = quick
  ? { rounds: 1, seconds: 2, warmup: 1, connections: 10, instanceCalls: 200, inProcessRequests: 100, inFlight: [100, 500], agents: 10, agentRounds: 1, collectionSamples: 20 }
  : { rounds: 3, seconds: 5, warmup: 2, connections: 10, instanceCalls: 1000, inProcessRequests: 400, inFlight: [100, 250, 500, 1000], agents: 30, agentRounds: 3, collectionSamples: 100 };
const API_KEY = "sk-bench-3c1d";
const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`);

log("building apps (skipped when up to date)");
const apps = await buildBenchApps(root);

if (!sqlOnly) log("upload size (wrangler deploy --dry-run of the production Worker)");
const size = sqlOnly ? undefined : await uploadSize({ root });

// Everything started is stopped on the way out, whatever fails.
const cleanups = [];
const stopAll = async () => {
  for (const stop of cleanups.reverse()) await stop();
};
try {
  const stub = await startStub({ root, apiKey: API_KEY, slowMs: 2000 });
  cleanups.push(stub.stop);
  const pg = await startBenchPostgres({ root, rows: 10 });
  cleanups.push(pg.stop);
  const worker = await startBenchWorker({
    root,
    bindings: {
      MODUS_ENV: "dev",
      MODUS_OPENAI_API_KEY: API_KEY,
      MODUS_OPENAI_ORIGIN: stub.url,
      MODUS_AGENT_IDLE_TIMEOUT_SECONDS: "1",
      MODUS_MY_DATABASE_USERNAME: pg.user,
      MODUS_MY_DATABASE_PASSWORD: pg.password,
      MODUS_MY_DATABASE_HOST: `${pg.host}:${pg.port}`,
    },
    // The agents' Durable Objects, as src/durable-objects.json binds them.
    durableObjects: Object.fromEntries(
      JSON.parse(readFileSync(path.join(root, "src/durable-objects.json"), "utf8")).classes.map((c) => [c.binding, { className: c.className, useSQLite: true }]),
    ),
  });
  cleanups.push(worker.dispose);
  const sdl = await (await fetch(`${worker.url}/bench/sdl`)).text();
  const node = await startNodeYoga({ sdl });
  cleanups.push(node.stop);
  log(`worker ${worker.url} (workerd pid ${worker.pid}), stub ${stub.url}, node yoga ${node.url}`);

  const gql = (query, variables) => JSON.stringify({ query, variables });
  const hello = gql("query($n:String!){sayHello(name:$n)}", { n: "edge" });
  const excuses = gql("query($e:String!){generateExcuses(event:$e)}", { e: "the standup" });
  const post = (url, body) => ({ method: "POST", url, body });
  const people = gql("{ allPeople { id name age } }");
  const tenPeople = (b) => b.data?.allPeople?.length === 10 && b.data.allPeople[9].name === "person 9";
  // Straight to the Worker's socket; miniflare's entry worker is measured apart (row "hop").
  const W = worker.directUrl;
  /** Each variant, with a check of its answer. */
  const rows = {
    wasm: { label: "Wasm sayHello, production /graphql", ...post(`${W}/graphql`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    js: { label: "JS sayHello, same Worker + Yoga", ...post(`${W}/bench/js`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    unmetered: { label: "Wasm sayHello, unmetered build, production path", ...post(`${W}/bench/unmetered`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    fresh: { label: "Wasm sayHello, fresh instance (bench resolver)", ...post(`${W}/bench/fresh`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    reused: { label: "Wasm sayHello, reused instance (bench resolver)", ...post(`${W}/bench/reused`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    modelWasm: { label: "Wasm generateExcuses -> invokeModel -> stub", ...post(`${W}/graphql`, excuses), ok: (b) => /model=gpt-4o/.test(b.data?.generateExcuses) },
    modelJs: { label: "JS resolver, same fetch -> stub", ...post(`${W}/bench/js`, excuses), ok: (b) => /model=gpt-4o/.test(b.data?.generateExcuses) },
    const: { label: "bare Hono route, constant", method: "GET", url: `${W}/bench/const`, ok: (b) => b.data?.sayHello === "Hello, edge!" },
    hop: { label: "bare Hono route via miniflare's entry worker", method: "GET", url: `${worker.url}/bench/const`, ok: (b) => b.data?.sayHello === "Hello, edge!" },
    node: { label: "graphql-yoga on node:http, JS sayHello", ...post(`${node.url}/graphql`, hello), ok: (b) => b.data?.sayHello === "Hello, edge!" },
    sql: { label: "Wasm getAllPeople -> executeQuery -> PostgreSQL (10 rows)", ...post(`${W}/bench/sql`, people), ok: tenPeople },
    sqlJs: { label: "JS resolver, same select, same driver", ...post(`${W}/bench/sql-js`, people), ok: tenPeople },
  };
  const ratios = [
    { id: "R1", what: "GraphQL -> Wasm vs JS resolver (same Worker, same Yoga)", a: "wasm", b: "js", target: 0.9 },
    { id: "R2", what: "fresh instance per request vs one reused", a: "fresh", b: "reused", target: 0.95 },
    { id: "R3", what: "model path via Wasm vs JS resolver doing the same fetch", a: "modelWasm", b: "modelJs", target: 0.9 },
    { id: "R4", what: "GraphQL -> Wasm vs bare Hono route (ceiling)", a: "wasm", b: "const", target: 0.6 },
    { id: "R6", what: "GraphQL -> Wasm on workerd vs graphql-yoga on Node (JS resolver)", a: "wasm", b: "node", target: 1.0 },
    { id: "R7", what: "metered build vs the same app unmetered (production path)", a: "wasm", b: "unmetered", target: 0.95 },
    { id: "D1", what: "SQL select through a function vs the same select from a JS resolver (same Worker)", a: "sql", b: "sqlJs", target: 0.85 },
  ];
  if (sqlOnly) {
    for (const name of Object.keys(rows)) if (name !== "sql" && name !== "sqlJs") delete rows[name];
    ratios.splice(0, ratios.length, ...ratios.filter((q) => q.id === "D1"));
  }

  log("checking every variant's answer");
  for (const [name, row] of Object.entries(rows)) {
    const res = await fetch(row.url, { method: row.method, headers: { "content-type": "application/json" }, body: row.body, signal: AbortSignal.timeout(60_000) }).catch((err) => {
      throw new Error(`${name} (${row.url}): ${err.message}\n${worker.recentStderr()}`);
    });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    if (!res.ok || !row.ok(body)) throw new Error(`${name} (${row.url}) answered ${res.status}: ${text.slice(0, 300)}\n${worker.recentStderr()}`);
  }
  // R3 is fair only if both paths send the provider the same request.
  const sent = sqlOnly ? [] : await (await fetch(`${stub.url}/__requests`)).json();
  const bodies = sent.filter((r) => r.url.endsWith("/chat/completions")).slice(-2).map((r) => r.body);
  const sameModelRequest = bodies.length === 2 && bodies[0] === bodies[1];
  if (!sameModelRequest && !sqlOnly) log(`warning: the Wasm and JS model requests differ:\n  ${bodies.join("\n  ")}`);

  log("SQL connection cost (a connection per call vs one reused, inside one request)");
  const connections = await (await fetch(`${W}/bench/sqlconn?n=${quick ? 50 : 200}`)).json();

  /** Per-instance cost, metering, in-isolate cost, M1, agents and collections (full runs only). */
  async function runtimeMeasurements() {
    log("per-instance cost (loops inside one request)");
    const instances = await (await fetch(`${W}/bench/instances?n=${settings.instanceCalls}`)).json();
    log("metering: CPU per call of metered vs unmetered builds, and fuel per CPU ms of the calibration loops");
    const scale = quick ? 0.3 : 1;
    const batch = (n) => Math.max(1, Math.round(n * scale));
    const metering = await measureMetering({
      url: W,
      pid: worker.pid,
      rounds: quick ? 3 : 9,
      overhead: { sayHello: batch(900), totalOrder: batch(150), search: batch(100), work: batch(6), memoryWork: batch(6), stringWork: batch(6) },
      rates: { spin: batch(12), work: batch(12), memoryWork: batch(12), stringWork: batch(12), copyWork: batch(20), grow: batch(4) },
    });
    log("in-isolate cost per request (the app's fetch handler in a loop, no sockets)");
    const inProcess = await (await fetch(`${W}/bench/inproc?n=${settings.inProcessRequests}`)).json();
    log("in-isolate CPU per request and per instance (workerd's isolate thread, interleaved rounds)");
    const inProcessCpu = await measureInProcessCpu({ url: W, pid: worker.pid, n: settings.inProcessRequests, instances: settings.instanceCalls, rounds: quick ? 3 : 7 });

    // M1 first, on an isolate the load rounds have not yet filled with garbage (RSS is compared).
    log(`in-flight model calls (stub answers after 2 s): ${settings.inFlight.join(", ")}`);
    const inFlight = [];
    for (const n of settings.inFlight) inFlight.push(await holdInFlight({ url: W, pid: worker.pid, n, settleMs: 1700 }));

    log(`agents: ${settings.agents} agents, ${settings.agentRounds} rounds (suspended, warm and baseline round trips)`);
    const agents = await measureAgents({ url: W, agents: settings.agents, rounds: settings.agentRounds, log });

    log(`collections: 10,000 texts of 384-dimension vectors, ${settings.collectionSamples} samples`);
    const collections = await measureCollections({ url: W, vectors: 10_000, batch: 500, samples: settings.collectionSamples, limit: 10, log });
    return { instances, metering, inProcess, inProcessCpu, inFlight, agents, collections };
  }
  let instances, metering, inProcess, inProcessCpu, inFlight, agents, collections;
  if (!sqlOnly) ({ instances, metering, inProcess, inProcessCpu, inFlight, agents, collections } = await runtimeMeasurements());

  const samples = Object.fromEntries(Object.keys(rows).map((k) => [k, []]));
  log(`warm-up: ${settings.warmup} s per variant`);
  for (const row of Object.values(rows)) await drive(row, { connections: settings.connections, seconds: settings.warmup });
  for (let round = 1; round <= settings.rounds; round++) {
    log(`round ${round}/${settings.rounds}: ${Object.keys(rows).length} variants x ${settings.seconds} s, ${settings.connections} connections`);
    for (const [name, row] of Object.entries(rows)) samples[name].push(await drive(row, settings));
  }

  const results = {
    machine: machine(root),
    settings,
    rows: Object.fromEntries(
      Object.entries(rows).map(([k, row]) => [
        k,
        {
          label: row.label,
          rps: median(samples[k].map((s) => s.rps)),
          p50: median(samples[k].map((s) => s.p50)),
          p99: median(samples[k].map((s) => s.p99)),
          failures: samples[k].reduce((n, s) => n + s.failures, 0),
          runs: samples[k],
        },
      ]),
    ),
    ratios,
    size,
    apps,
    instances,
    metering,
    inProcess,
    inProcessCpu,
    inFlight,
    agents,
    collections,
    sameModelRequest,
    connections,
    seconds: (Date.now() - started) / 1000,
  };
  mkdirSync(path.join(root, "bench/build"), { recursive: true });
  if (!sqlOnly) results.targets = targetsOf(results);
  const resultsFile = path.join(root, "bench/build", sqlOnly ? "results-sql.json" : "results.json");
  writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  printReport(results);
  if (agents) process.stdout.write(agentsReport(agents) + "\n");
  if (collections) process.stdout.write(collectionsReport(collections) + "\n");
  log(`done in ${results.seconds.toFixed(0)} s (results in ${path.relative(root, resultsFile)})`);
} finally {
  await stopAll();
}
