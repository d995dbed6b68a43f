export { agentObjectClass, idleMs, DEFAULT_IDLE_SECONDS } from "./object";
export { AgentRegistry } from "./registry";
export { agentModuleLoader } from "./load";
export { agentStub, registryStub, AGENTS_BINDING, REGISTRY_BINDING, AgentBindingError } from "./bindings";
export { readEvents } from "./events";
export type { AgentInfo, AgentStatus, AgentEvent, MessageResponse } from "./types";
export { AgentErrors, STATUS_EVENT } from "./types";
