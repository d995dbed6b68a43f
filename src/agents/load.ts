import { createEmbedders } from "../collections/embedders";
import { hostTables, planHostImports, type HostOptions } from "../hostfns";
import type { Manifest } from "../manifest/types";
import { readMetadata } from "../metadata/read";
import { consoleLogger } from "../observability/log";
import { createMetrics } from "../observability/metrics";
import { TypePlanner } from "../wasm/abi/plan";
import { planAgentExports, type AgentModule } from "./guest";

/**
 * What agents' objects need from the app, built on first use and then kept
 * for the isolate's life (a build-once value, like the Worker's own app).
 *
 * @example const getModule = agentModuleLoader(wasm, manifest);
 */
export function agentModuleLoader(module: WebAssembly.Module, manifest: unknown, host: HostOptions = {}): () => AgentModule {
  let loaded: AgentModule | undefined;
  return () => {
    if (loaded) return loaded;
    const metadata = readMetadata(module);
    const planner = new TypePlanner(metadata);
    const imports = planHostImports(module, planner, hostTables(host));
    const embedders = createEmbedders({ module, imports, metadata, planner, manifest: manifest as Manifest });
    loaded = {
      module,
      imports,
      plans: planAgentExports(metadata, planner),
      manifest: manifest as Manifest,
      services: { metrics: createMetrics(), log: consoleLogger, embedders },
    };
    return loaded;
  };
}
