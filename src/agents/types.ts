/** An agent's lifecycle state, as Modus names it. */
export type AgentStatus = "starting" | "running" | "suspending" | "suspended" | "resuming" | "stopping" | "terminated";

/** What the host reports about an agent (the SDK's `AgentInfo`). */
export interface AgentInfo {
  id: string;
  name: string;
  status: AgentStatus;
}

/** The host's answer to `sendMessage` (the SDK's `MessageResponse`). */
export interface MessageResponse {
  data: string | null;
  error: string | null;
}

/** One event as subscribers of `agentEvent` receive it (Modus's `AgentEvent`). */
export interface AgentEvent {
  name: string;
  data: unknown;
  /** ISO-8601 in UTC with milliseconds, as Modus formats it. */
  timestamp: string;
}

/** The event Modus publishes on every status change, with `{ "status": … }`. */
export const STATUS_EVENT = "agentStatusUpdated";

/** The lifecycle events the SDK's `_modus_agent_handle_event` dispatches. */
export type LifecycleAction = "initialize" | "suspend" | "resume" | "terminate";

/** A reply or the reason there is none: what crosses from an agent's Durable Object. */
export type Outcome<T> = { ok: T } | { error: string };

/** Modus's wording for the answers callers see. */
export const AgentErrors = {
  notFound: (id: string) => `agent ${id} not found`,
  unavailable: () => "agent is no longer available",
  cannotSubscribe: (id: string, status: AgentStatus) => `agent ${id} is ${status}, cannot subscribe to events`,
  notRunning: (status: AgentStatus) => `cannot process message because agent is ${status}`,
} as const;

/** Statuses after which an agent takes no more messages or subscribers. */
export const isEnding = (status: AgentStatus): boolean => status === "stopping" || status === "terminated";
