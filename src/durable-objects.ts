import { agentModuleLoader, agentObjectClass, AgentRegistry } from "./agents";
import { ModusCollection } from "./collections/object";
import type { HostOptions } from "./hostfns";

/**
 * The Durable Object classes a Worker serving `module` exports, by the class
 * names `durable-objects.json` binds (and `modus-edge build` writes into the
 * wrangler config). A family of objects (agents, collections) adds its
 * classes here and its bindings and migration there.
 *
 * @example export const { ModusAgent, ModusAgentRegistry, ModusCollection } = durableObjects(wasm, manifest, { sql: drivers });
 */
export function durableObjects(module: WebAssembly.Module, manifest: unknown, host: HostOptions = {}) {
  return {
    ModusAgent: agentObjectClass(agentModuleLoader(module, manifest, host)),
    ModusAgentRegistry: AgentRegistry,
    // Collections store and search; their embedders run in the Worker that calls them.
    ModusCollection,
  };
}
