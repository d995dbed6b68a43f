// D1: a SQL select through a function (the postgresql test app's getAllPeople,
// production's Yoga and resolvers) against the same select from a JavaScript
// resolver in the same Worker (same driver, same per-call connection), and D2:
// what a connection per call costs against one reused connection.
import type { LoadedApp } from "../../src/load";
import type { Manifest } from "../../src/manifest/types";
import type { Services } from "../../src/wasm/context";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { hostTables, planHostImports } from "../../src/hostfns";
import { planFunction, type FunctionPlan } from "../../src/wasm/invoke";
import { createModusYoga } from "../../src/graphql/yoga";
import { createBenchYoga } from "./yoga";
import { postgresDriver } from "../../src/data/sql/postgres";
import { sqlTarget } from "../../src/data/sql/connection";
import type { PostgresqlConnection } from "../../src/manifest/types";

type Endpoint = LoadedApp["endpoints"][number];
const SELECT = "select * from people order by id";

/** `/bench/sql` (the function) and `/bench/sql-js` (a JS resolver), on the SQL app's schema. */
export function sqlEndpoints(module: WebAssembly.Module, manifest: Manifest, services: Services, loaded: LoadedApp): Endpoint[] {
  const planner = new TypePlanner(readMetadata(module));
  const plans = new Map<string, FunctionPlan>();
  for (const f of loaded.schema.fields) plans.set(f.functionName, planFunction(loaded.metadata.fnExports[f.functionName]!, planner));
  const imports = planHostImports(module, planner, hostTables({ sql: { postgresql: postgresDriver } }));
  const deps = { module, manifest, services, imports, plans };
  const schema = loaded.schema;
  const js = {
    Query: {
      allPeople: async (_root: unknown, _args: unknown, context: { env: Readonly<Record<string, unknown>> }) => {
        const rows = JSON.parse((await selectOnce(manifest, context.env)) ?? "[]") as Record<string, unknown>[];
        return rows.map((r) => ({ ...r, home: null }));
      },
    },
  };
  return [
    { name: "sql", path: "/bench/sql", auth: "none", yoga: createModusYoga({ schema, endpoint: "/bench/sql", deps }) },
    { name: "sql-js", path: "/bench/sql-js", auth: "none", yoga: createBenchYoga({ schema, endpoint: "/bench/sql-js", resolvers: js as never }) },
  ];
}

const target = (manifest: Manifest, env: Readonly<Record<string, unknown>>) =>
  sqlTarget(env, "my-database", manifest.connections!["my-database"] as PostgresqlConnection);

/** What the function does per call: open, select, close. */
async function selectOnce(manifest: Manifest, env: Readonly<Record<string, unknown>>): Promise<string | null> {
  const session = await postgresDriver.open(target(manifest, env).url, { timeoutMs: 30_000 });
  try {
    return (await session.run(SELECT, [], false)).rowsJson;
  } finally {
    await session.close();
  }
}

/** D2: ms per select with a new connection each time, and with one connection reused (inside one request). */
export async function measureConnections(manifest: Manifest, env: Readonly<Record<string, unknown>>, n: number) {
  let t = performance.now();
  for (let i = 0; i < n; i++) await selectOnce(manifest, env);
  const perCallMs = (performance.now() - t) / n;
  const session = await postgresDriver.open(target(manifest, env).url, { timeoutMs: 30_000 });
  t = performance.now();
  for (let i = 0; i < n; i++) await session.run(SELECT, [], false);
  const reusedMs = (performance.now() - t) / n;
  await session.close();
  return { n, perCallMs, reusedMs, connectMs: perCallMs - reusedMs };
}
