import { Duration } from "./enums";
import * as host from "./externals/agents";

export {
  registerAgent as register,
  startAgent as start,
  stopAgent as stop,
  getAgentInfo as getInfo,
  listAgents as listAll,
} from "./agent";

/**
 * Sends a message to an agent and waits for its reply (up to `timeout`;
 * `Duration.maxValue` waits as long as the call lives).
 *
 * @example const count = agents.sendMessage(id, "count");
 */
export function sendMessage(
  agentId: string,
  msgName: string,
  data: string | null = null,
  timeout: Duration = Duration.maxValue,
): string | null {
  if (timeout < 0) throw new Error("Timeout must be a zero or positive value.");
  if (agentId.length == 0) throw new Error("Agent ID cannot be empty.");
  if (msgName.length == 0) throw new Error("Message name cannot be empty.");
  const response = host.sendMessage(agentId, msgName, data, timeout);
  if (response == null) throw new Error("Failed to send message to agent.");
  const error = response.error;
  if (error) throw new Error(error);
  return response.data;
}

/**
 * Sends a message to an agent without waiting for a reply.
 *
 * @example agents.sendMessageAsync(id, "increment", "5");
 */
export function sendMessageAsync(agentId: string, msgName: string, data: string | null = null): void {
  sendMessage(agentId, msgName, data, Duration.zero);
}

/**
 * The host's answer to `sendMessage` (declared here so its type name matches
 * Modus's). The host builds it: keep the fields and their order.
 */
export class MessageResponse {
  data: string | null = null;
  error: string | null = null;
}
