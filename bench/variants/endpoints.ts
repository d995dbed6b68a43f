// The bench Worker's extra GraphQL endpoints, built once per isolate beside
// production's from the same module, manifest and services.
import type { LoadedApp } from "../../src/load";
import type { Manifest } from "../../src/manifest/types";
import type { Services } from "../../src/wasm/context";
import type { ResolverDeps } from "../../src/graphql/resolvers";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { planHostImports } from "../../src/hostfns";
import { invoke, planFunction, type FunctionPlan } from "../../src/wasm/invoke";
import { createModusYoga } from "../../src/graphql/yoga";
import { createBenchYoga } from "./yoga";
import { jsResolvers } from "./js";
import { buildResolvers } from "../../src/graphql/resolvers";
import { reusingInvoke } from "./reuse";
import type { createLiveTracker } from "./live";

type Endpoint = LoadedApp["endpoints"][number];

/** Production's resolver deps, composed as `loadApp` composes them. */
export function resolverDeps(module: WebAssembly.Module, manifest: Manifest, services: Services, loaded: LoadedApp): ResolverDeps {
  const planner = new TypePlanner(readMetadata(module));
  const plans = new Map<string, FunctionPlan>();
  for (const f of loaded.schema.fields) plans.set(f.functionName, planFunction(loaded.metadata.fnExports[f.functionName]!, planner));
  return { module, manifest, services, imports: planHostImports(module, planner), plans };
}

/**
 * - `/bench/js`: the same Yoga, fields answered by plain JavaScript (R1, R3, R6 baselines);
 * - `/bench/fresh` and `/bench/reused`: production's per-call work with a fresh or a reused instance (R2);
 * - `/bench/slow`: production's Yoga and resolvers on a manifest whose model answers slowly, watched by `live` (M1).
 */
export function benchEndpoints(opts: {
  loaded: LoadedApp;
  deps: ResolverDeps;
  slowManifest: Manifest;
  live: ReturnType<typeof createLiveTracker>;
}): Endpoint[] {
  const { loaded, deps } = opts;
  const auth = loaded.endpoints[0]?.auth ?? "none";
  const endpoint = (name: string, path: string, yoga: Endpoint["yoga"]): Endpoint => ({ name, path, auth, yoga });
  const schema = loaded.schema;
  const watched = opts.live.watch(deps.imports, deps.services);
  return [
    endpoint("js", "/bench/js", createBenchYoga({ schema, endpoint: "/bench/js", resolvers: jsResolvers(deps.manifest) })),
    endpoint("fresh", "/bench/fresh", createBenchYoga({ schema, endpoint: "/bench/fresh", resolvers: buildResolvers(schema.fields, deps, invoke) })),
    endpoint("reused", "/bench/reused", createBenchYoga({ schema, endpoint: "/bench/reused", resolvers: buildResolvers(schema.fields, deps, reusingInvoke()) })),
    endpoint("slow", "/bench/slow", createModusYoga({ schema, endpoint: "/bench/slow", deps: { ...deps, ...watched, manifest: opts.slowManifest } })),
  ];
}

/** The manifest with every model's source model renamed `slow-<name>`, which the provider stub answers late. */
export function slowManifest(manifest: Manifest): Manifest {
  const models = Object.fromEntries(
    Object.entries(manifest.models ?? {}).map(([name, m]) => [name, { ...m, sourceModel: `slow-${m.sourceModel ?? name}` }]),
  );
  return { ...manifest, models };
}
