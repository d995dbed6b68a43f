import { agents, AgentInfo, Duration } from "@hypermode/modus-sdk-as";
import { CounterAgent } from "./counter";
import { JournalAgent } from "./journal";

// Agents are registered once, at the top level of the entry file.
agents.register<CounterAgent>();
agents.register<JournalAgent>();

/** Starts a counter agent. */
export function startCounterAgent(): AgentInfo {
  return agents.start("Counter");
}

/** Starts a counter agent and adds `initialCount` to it without waiting. */
export function startCounterAgentWithData(initialCount: i32): AgentInfo {
  const info = agents.start("Counter");
  updateCountAsync(info.id, initialCount);
  return info;
}

/** Starts an agent by name (unknown names fail in the SDK). */
export function startAgentNamed(name: string): AgentInfo {
  return agents.start(name);
}

/** Stops an agent for good. */
export function stopAgent(agentId: string): AgentInfo {
  return agents.stop(agentId);
}

export function getAgentInfo(agentId: string): AgentInfo {
  return agents.getInfo(agentId);
}

/** Every agent that is not terminated. */
export function ListAgents(): AgentInfo[] {
  return agents.listAll();
}

export function getCount(agentId: string): i32 {
  const count = agents.sendMessage(agentId, "count");
  return count == null ? 0 : i32.parse(count);
}

export function updateCount(agentId: string): i32 {
  const count = agents.sendMessage(agentId, "increment");
  return count == null ? 0 : i32.parse(count);
}

export function updateCountAsync(agentId: string, qty: i32): void {
  agents.sendMessageAsync(agentId, "increment", qty.toString());
}

/** Any message, waiting up to `timeoutMs` (0: the SDK's default, no limit). */
export function sendMessage(agentId: string, msgName: string, data: string | null = null, timeoutMs: i64 = 0): string | null {
  const timeout = timeoutMs > 0 ? timeoutMs * Duration.millisecond : Duration.maxValue;
  return agents.sendMessage(agentId, msgName, data, timeout);
}

/** Starts a journal agent. */
export function startJournal(): AgentInfo {
  return agents.start("Journal");
}

/** Appends one entry and returns its position (1-based). */
export function appendEntry(agentId: string, entry: string): i32 {
  return i32.parse(agents.sendMessage(agentId, "append", entry)!);
}

/** Sends `count` appends without waiting, `prefix-0` first. */
export function appendEntriesAsync(agentId: string, prefix: string, count: i32): void {
  for (let i = 0; i < count; i++) agents.sendMessageAsync(agentId, "append", `${prefix}-${i}`);
}

export function getEntries(agentId: string): string[] {
  const text = agents.sendMessage(agentId, "entries");
  return text == null || text.length == 0 ? [] : text.split("\n");
}
