// The bench Worker: production's app (createApp + loadApp on the example
// module, at /graphql) plus the bench-only endpoints and routes the runner
// (bench/run.mjs) drives. Never deployed: the production entry is src/index.ts.
import wasm from "./build/example/app.wasm";
import largeWasm from "./build/large/app.wasm";
import unmeteredWasm from "./build/example-unmetered/app.wasm";
import largeUnmeteredWasm from "./build/large-unmetered/app.wasm";
import hardeningWasm from "./build/hardening/app.wasm";
import hardeningManifestJson from "./build/hardening/modus.json";
import hardeningUnmeteredWasm from "./build/hardening-unmetered/app.wasm";
import manifestJson from "./build/example/modus.json";
import largeManifestJson from "./build/large/modus.json";
import { createApp } from "../src/app";
import { loadApp } from "../src/load";
import type { Manifest } from "../src/manifest/types";
import { createMetrics } from "../src/observability/metrics";
import { readMetadata } from "../src/metadata/read";
import { generateSchema } from "../src/schema/generate";
import { benchEndpoints, resolverDeps, slowManifest } from "./variants/endpoints";
import { createLiveTracker } from "./variants/live";
import { instantiateLoop, measureInstanceCost, prepareModule } from "./variants/instances";
import { measureInProcess, measureLogLine, runInProcess } from "./variants/inproc";
import { consoleLogger } from "../src/observability/log";
import { createModusYoga, type ModusYoga } from "../src/graphql/yoga";
import { MeasuredResponse } from "../src/middleware/response-limit";
import { meteringWorkloads, runWorkload } from "./variants/metering";
import sqlWasm from "./build/sql/app.wasm";
import sqlManifestJson from "./build/sql/modus.json";
import { postgresDriver } from "../src/data/sql/postgres";
import { measureConnections, sqlEndpoints } from "./variants/sql";
import { agentObjects, agentsFetch } from "./variants/agents";
import { collectionsFetch, measureVectorSet } from "./variants/collections";
import { ModusCollection } from "../src/collections/object";

const manifest = manifestJson as Manifest;
// R4's ceiling: the answer /graphql gives, as a constant.
const answer = { data: { sayHello: "Hello, edge!" } };
const constant = () => new MeasuredResponse(JSON.stringify(answer), { headers: { "content-type": "application/graphql-response+json; charset=utf-8" } });
const live = createLiveTracker();
const modules = {
  example: prepareModule(wasm, manifest),
  large: prepareModule(largeWasm, largeManifestJson as Manifest),
};

// The instance-cost loops log nothing: their calls make no host calls.
const quiet = { metrics: createMetrics(), log: () => {} };
const sdl = generateSchema(readMetadata(wasm)).sdl;

declare const BENCH_QUIET_LOGS: boolean; // set by bench/lib/worker.mjs when profiling

const app = createApp((s) => {
  const loaded = loadApp(wasm, manifest, s);
  const deps = resolverDeps(wasm, manifest, s, loaded);
  const extra = benchEndpoints({ loaded, deps, slowManifest: slowManifest(manifest), live });
  // R7: production's Yoga and resolvers around the same app built without metering.
  const plainDeps = resolverDeps(unmeteredWasm, manifest, s, loaded);
  const unmetered = { name: "unmetered", path: "/bench/unmetered", auth: loaded.endpoints[0]!.auth, yoga: createModusYoga({ schema: loaded.schema, deps: plainDeps, endpoint: "/bench/unmetered" }) };
  // D1: the postgresql test app, through a function and from a JS resolver.
  const sqlManifest = sqlManifestJson as Manifest;
  const sql = sqlEndpoints(sqlWasm, sqlManifest, s, loadApp(sqlWasm, sqlManifest, s, { sql: { postgresql: postgresDriver } }));
  // Hono and the endpoint's middleware alone: the same chain as /graphql around a constant answer,
  // in the Response class Yoga answers with (the response limit passes it unread, as in production).
  const mw = { name: "mw", path: "/bench/mw", auth: loaded.endpoints[0]!.auth, yoga: { handleRequest: () => constant() } as unknown as ModusYoga };
  return { ...loaded, endpoints: [...loaded.endpoints, ...extra, unmetered, ...sql, mw] };
}, BENCH_QUIET_LOGS ? { log: () => {} } : {});

app.get("/bench/const", (c) => c.json(answer));
app.get("/bench/sdl", (c) => c.text(sdl));
app.get("/bench/live", (c) => c.json(live.snapshot()));
app.post("/bench/live/reset", (c) => (live.reset(), c.json(live.snapshot())));
app.get("/bench/instances", async (c) => {
  const n = Number(c.req.query("n") ?? 500);
  return c.json({
    example: await measureInstanceCost(modules.example, quiet, c.env, n),
    large: await measureInstanceCost(modules.large, quiet, c.env, n),
  });
});

const metering = meteringWorkloads({
  example: { metered: wasm, plain: unmeteredWasm, manifest },
  large: { metered: largeWasm, plain: largeUnmeteredWasm, manifest: largeManifestJson as Manifest },
  hardening: { metered: hardeningWasm, plain: hardeningUnmeteredWasm, manifest: hardeningManifestJson as Manifest },
});
app.get("/bench/metering/run", async (c) => {
  const w = metering[c.req.query("name") ?? ""];
  if (!w) return c.json({ error: "no such workload" }, 404);
  const build = c.req.query("build") === "plain" ? "plain" : "metered";
  return c.json(await runWorkload(w, build, Number(c.req.query("calls") ?? 1), quiet, c.env));
});

const hello = JSON.stringify({ query: "query($n:String!){sayHello(name:$n)}", variables: { n: "edge" } });
const targets = [
  { name: "const", path: "/bench/const" },
  { name: "mw", path: "/bench/mw", body: hello },
  { name: "js", path: "/bench/js", body: hello },
  { name: "reused", path: "/bench/reused", body: hello },
  { name: "fresh", path: "/bench/fresh", body: hello },
  { name: "wasm", path: "/graphql", body: hello },
];
app.get("/bench/inproc", async (c) => {
  const n = Number(c.req.query("n") ?? 300);
  return c.json({ ...(await measureInProcess(app.fetch, c.env, c.executionCtx, targets, n)), logLine: measureLogLine(consoleLogger) });
});
// One target's requests in a loop, timed by the runner from workerd's CPU time (bench/lib/inproc.mjs).
app.get("/bench/inproc/run", async (c) => {
  const target = targets.find((t) => t.name === c.req.query("target"));
  if (!target) return c.json({ error: "no such target" }, 404);
  await runInProcess(app.fetch, c.env, c.executionCtx, target, Number(c.req.query("n") ?? 100));
  return c.json({ ok: true });
});
app.get("/bench/instances/run", (c) => {
  const m = modules[c.req.query("module") as keyof typeof modules];
  if (!m) return c.json({ error: "no such module" }, 404);
  instantiateLoop(m, quiet, c.env, Number(c.req.query("n") ?? 100));
  return c.json({ ok: true });
});
app.get("/bench/logline", (c) => c.json({ us: measureLogLine(consoleLogger, Number(c.req.query("n") ?? 1000)) }));

app.get("/bench/sqlconn", async (c) => c.json(await measureConnections(sqlManifestJson as Manifest, c.env, Number(c.req.query("n") ?? 100))));

// Agents (bench/lib/agents.mjs): the agents app and its Durable Objects.
app.all("/agents/*", (c) => agentsFetch(c.req.raw, c.env, c.executionCtx));
export const { ModusAgent, ModusAgentRegistry } = agentObjects;

// Collections (bench/lib/collections.mjs): the collections app, its object, and the search alone.
app.all("/collections/*", (c) => collectionsFetch(c.req.raw, c.env, c.executionCtx));
app.get("/bench/vectorset", (c) => {
  const q = (name: string, dflt: number) => Number(c.req.query(name) ?? dflt);
  return c.json(measureVectorSet(q("n", 10_000), q("dim", 384), q("limit", 10), q("rounds", 10)));
});
export { ModusCollection };

export default app;
