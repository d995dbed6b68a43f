import { agentModuleLoader, agentObjectClass, AgentRegistry } from "./agents";
import { ModusCollection } from "./collections/object";

/**
 * The Durable Object classes a Worker serving `module` exports, by the class
 * names `durable-objects.json` binds (and `modus-edge build` writes into the
 * wrangler config). A family of objects (agents, collections) adds its
 * classes here and its bindings and migration there.
 *
 * @example export const { ModusAgent, ModusAgentRegistry, ModusCollection } = durableObjects(wasm, manifest);
 */
export function durableObjects(module: WebAssembly.Module, manifest: unknown) {
  return {
    ModusAgent: agentObjectClass(agentModuleLoader(module, manifest)),
    ModusAgentRegistry: AgentRegistry,
    // Collections store and search; their embedders run in the Worker that calls them.
    ModusCollection,
  };
}
