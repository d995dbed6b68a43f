import { JSON } from "json-as";
import { AgentStatus } from "./enums";
import * as host from "./externals/agents";
import { resultIsInvalid } from "./utils";

// One instance serves at most one agent: the host activates it by name and id
// right after instantiating the module, before any event or message.
const registry = new Map<string, Agent>();
let activeAgent: Agent | null = null;
let activeAgentId: string | null = null;

/**
 * The base of a stateful agent. Subclass it, give it a unique `name`, and
 * register it from the app's entry file with `agents.register<MyAgent>()`.
 *
 * @example
 *   class Counter extends Agent {
 *     private count: i32 = 0;
 *     get name(): string { return "Counter"; }
 *     getState(): string | null { return this.count.toString(); }
 *     setState(data: string | null): void { this.count = data ? i32.parse(data) : 0; }
 *   }
 */
export abstract class Agent {
  /** The id of the running agent instance ("" before activation). */
  get id(): string {
    const id = activeAgentId;
    return id ? id : "";
  }

  abstract get name(): string;

  /** The agent's state, serialised; the host saves it between messages. */
  abstract getState(): string | null;

  /** Restores the state `getState` produced. */
  abstract setState(data: string | null): void;

  onInitialize(): void {}

  onSuspend(): void {}

  onResume(): void {}

  onTerminate(): void {}

  /** Handles a message; the result (if any) is the reply. */
  onReceiveMessage(msgName: string, data: string | null): string | null {
    return null;
  }

  /** Publishes an event to the agent's subscribers. */
  publishEvent(event: AgentEvent): void {
    host.publishEvent(this.id, event.eventName, JSON.stringify(event));
  }
}

/** Information the host reports about an agent instance. Built by the host; keep the fields. */
export class AgentInfo {
  readonly id: string;
  readonly name: string;
  readonly status: AgentStatus;

  constructor(id: string, name: string, status: AgentStatus = "") {
    this.id = id;
    this.name = name;
    this.status = status;
  }
}

/**
 * An event an agent publishes; subclass it to add the event's data fields.
 *
 * @example
 *   @json class CountUpdated extends AgentEvent {
 *     constructor(public count: i32) { super("countUpdated"); }
 *   }
 */
@json
export class AgentEvent {
  // The name travels beside the data, not inside it.
  @omit
  readonly eventName: string;

  constructor(eventName: string) {
    if (eventName.length == 0) throw new Error("Event name cannot be empty.");
    this.eventName = eventName;
  }
}

/** Makes the agent class `T` available to start by its name. */
export function registerAgent<T extends Agent>(): void {
  const agent = instantiate<T>();
  registry.set(agent.name, agent);
}

/** Starts a new instance of the registered agent `name`. */
export function startAgent(name: string): AgentInfo {
  if (!registry.has(name)) throw new Error(`Agent ${name} not found.`);
  const info = host.startAgent(name);
  if (resultIsInvalid(info)) throw new Error(`Failed to start agent ${name}.`);
  return info;
}

/** Terminates an agent instance for good. */
export function stopAgent(agentId: string): AgentInfo {
  if (agentId.length == 0) throw new Error("Agent ID cannot be empty.");
  const info = host.stopAgent(agentId);
  if (resultIsInvalid(info)) throw new Error(`Failed to stop agent ${agentId}.`);
  return info;
}

/** The status of an agent instance. */
export function getAgentInfo(agentId: string): AgentInfo {
  if (agentId.length == 0) throw new Error("Agent ID cannot be empty.");
  const info = host.getAgentInfo(agentId);
  if (resultIsInvalid(info)) throw new Error(`Failed to get info for agent ${agentId}.`);
  return info;
}

/** Every agent instance that has not been terminated. */
export function listAgents(): AgentInfo[] {
  const list = host.listAgents();
  if (resultIsInvalid(list)) throw new Error("Failed to list agents.");
  return list;
}

// The functions below are the module's agent exports (see exports.ts): the host calls them.

export function activateAgent(name: string, id: string): void {
  if (activeAgent) throw new Error("Another agent is already active in this module instance.");
  if (!registry.has(name)) throw new Error(`Agent ${name} not found.`);
  activeAgent = registry.get(name);
  activeAgentId = id;
}

function active(what: string): Agent {
  const agent = activeAgent;
  if (!agent) throw new Error(`No active agent to ${what}.`);
  return agent;
}

export function getAgentState(): string | null {
  return active("get state for").getState();
}

export function setAgentState(data: string | null): void {
  active("set state for").setState(data);
}

export function handleEvent(action: string): void {
  const agent = active(`process ${action} event action`);
  if (action == "initialize") agent.onInitialize();
  else if (action == "suspend") agent.onSuspend();
  else if (action == "resume") agent.onResume();
  else if (action == "terminate") agent.onTerminate();
  else throw new Error(`Unknown agent event action: ${action}`);
}

export function handleMessage(msgName: string, data: string | null): string | null {
  return active("handle message for").onReceiveMessage(msgName, data);
}
