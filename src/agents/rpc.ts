import type { AgentInfo, Outcome } from "./types";

/**
 * What a message answers: the reply; a Modus `error` the caller's SDK throws
 * (not found, no longer available); or a `failure` the host reports as an
 * error of its own (the handler failed).
 */
export type MessageOutcome = { data: string | null } | { error: string } | { failure: string };

/** The methods an agent's Durable Object offers over RPC (the host's view of it). */
export interface AgentRpc {
  start(agentId: string, name: string): Promise<Outcome<AgentInfo>>;
  info(agentId: string): Promise<Outcome<AgentInfo>>;
  stop(agentId: string): Promise<Outcome<AgentInfo>>;
  send(agentId: string, msgName: string, data: string | null, respond: boolean): Promise<MessageOutcome>;
  publish(eventName: string, data: unknown): Promise<void>;
  subscribe(agentId: string): Promise<Outcome<ReadableStream<Uint8Array>>>;
}

/** The registry's methods over RPC. */
export interface AgentRegistryRpc {
  record(info: AgentInfo & { updated: string }): Promise<void>;
  list(): Promise<AgentInfo[]>;
}
