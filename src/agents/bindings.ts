import durableObjects from "../durable-objects.json";
import type { AgentRegistryRpc, AgentRpc } from "./rpc";

const bindingOf = (className: string): string => durableObjects.classes.find((c) => c.className === className)!.binding;

/** The env binding of the agents' Durable Object namespace (written by `modus-edge build`). */
export const AGENTS_BINDING = bindingOf("ModusAgent");
/** The env binding of the registry that lists agents. */
export const REGISTRY_BINDING = bindingOf("ModusAgentRegistry");

/** The Worker's config lacks a Durable Object binding agents need. */
export class AgentBindingError extends Error {
  override name = "AgentBindingError";
  constructor(binding: string) {
    super(`agents need the Durable Object binding ${binding} in the Worker's wrangler config (modus-edge build writes it)`);
  }
}

function namespace(env: Readonly<Record<string, unknown>>, binding: string): DurableObjectNamespace {
  const ns = env[binding] as DurableObjectNamespace | undefined;
  if (!ns || typeof ns.idFromName !== "function") throw new AgentBindingError(binding);
  return ns;
}

/**
 * The Durable Object of agent `agentId` (one per agent, named by its id).
 *
 * @example const reply = await agentStub(env, id).info(id);
 */
export function agentStub(env: Readonly<Record<string, unknown>>, agentId: string): AgentRpc {
  const ns = namespace(env, AGENTS_BINDING);
  return ns.get(ns.idFromName(agentId)) as unknown as AgentRpc;
}

/** The one registry object, or undefined when the Worker has no registry binding. */
export function registryStub(env: Readonly<Record<string, unknown>>, required = true): AgentRegistryRpc | undefined {
  if (!required && !env[REGISTRY_BINDING]) return undefined;
  const ns = namespace(env, REGISTRY_BINDING);
  return ns.get(ns.idFromName("registry")) as unknown as AgentRegistryRpc;
}
