import { hostTables, planHostImports, type HostOptions } from "./hostfns";
import type { Manifest } from "./manifest/types";
import { graphqlEndpoints } from "./manifest/endpoints";
import { ManifestError, validateManifest } from "./manifest";
import { readMetadata } from "./metadata/read";
import type { Metadata } from "./metadata/types";
import { generateSchema, type GeneratedSchema } from "./schema/generate";
import { createEmbedders } from "./collections/embedders";
import { TypePlanner } from "./wasm/abi/plan";
import { planFunction, type FunctionPlan } from "./wasm/invoke";
import { createModusYoga, type ModusYoga } from "./graphql/yoga";
import type { Services } from "./wasm/context";
import { isMetered } from "./wasm/meter";

/** Everything built once per isolate from the app's module and manifest. */
export interface LoadedApp {
  metadata: Metadata;
  schema: GeneratedSchema;
  endpoints: { name: string; path: string; auth: "bearer-token" | "none"; yoga: ModusYoga }[];
}

/**
 * Reads the module's metadata, checks it is metered (cli/meter.mjs) and its
 * imports, plans every function and builds the schema and one Yoga per
 * GraphQL endpoint. Throws with a message
 * naming the problem when the app cannot be served.
 *
 * `host` carries the database drivers the Worker was built with.
 *
 * @example const app = loadApp(wasmModule, manifest, services, { sql: drivers });
 */
export function loadApp(module: WebAssembly.Module, manifestJson: unknown, services: Services, host: HostOptions = {}): LoadedApp {
  const problems = validateManifest(manifestJson);
  if (problems.length) throw new ManifestError(problems);
  const manifest = manifestJson as Manifest;
  const metadata = readMetadata(module);
  if (!isMetered(module)) {
    throw new Error(
      "the module is not metered, so no compute or memory budget could hold: build it with modus-edge build, which meters it",
    );
  }
  const planner = new TypePlanner(metadata);
  const imports = planHostImports(module, planner, hostTables(host));
  const schema = generateSchema(metadata, manifest);
  const plans = new Map<string, FunctionPlan>();
  for (const f of schema.fields) plans.set(f.functionName, planFunction(metadata.fnExports[f.functionName]!, planner));
  // Collections call the app's embedders on a function's behalf.
  const embedders = createEmbedders({ module, imports, metadata, planner, manifest });
  const deps = { module, imports, plans, manifest, services: { ...services, embedders } };
  const endpoints = graphqlEndpoints(manifest).map((e) => ({
    ...e,
    yoga: createModusYoga({ schema, deps, endpoint: e.path }),
  }));
  return { metadata, schema, endpoints };
}
