// Raw host imports of the `modus_agents` module. The public API is `agents` and `Agent`.
import { AgentInfo } from "../agent";
import { MessageResponse } from "../agents";

// @ts-expect-error: decorator
@external("modus_agents", "startAgent")
export declare function startAgent(agentName: string): AgentInfo;

// @ts-expect-error: decorator
@external("modus_agents", "stopAgent")
export declare function stopAgent(agentId: string): AgentInfo;

// @ts-expect-error: decorator
@external("modus_agents", "getAgentInfo")
export declare function getAgentInfo(agentId: string): AgentInfo;

// @ts-expect-error: decorator
@external("modus_agents", "listAgents")
export declare function listAgents(): AgentInfo[];

// @ts-expect-error: decorator
@external("modus_agents", "publishEvent")
export declare function publishEvent(agentId: string, eventName: string, eventData: string | null): void;

// A timeout of 0 means "fire and forget"; i64.MAX_VALUE means "wait as long as the call lives".
// @ts-expect-error: decorator
@external("modus_agents", "sendMessage")
export declare function sendMessage(
  agentId: string,
  msgName: string,
  data: string | null,
  timeout: i64,
): MessageResponse;
