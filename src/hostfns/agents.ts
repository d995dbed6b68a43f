import * as agents from "../agents/host";
import type { AbiHostFunction } from "./types";

const MODULE = "modus_agents";

/**
 * The `modus_agents` import module: each call reaches an agent's Durable
 * Object (or the registry) and suspends the guest until it answers (JSPI).
 * Failures are logged to the function and answered with null, as in Modus.
 */
export const agentFunctions: readonly AbiHostFunction[] = [
  { kind: "abi", module: MODULE, name: "startAgent", params: ["string"], result: "AgentInfo", async: true, impl: agents.startAgent },
  { kind: "abi", module: MODULE, name: "stopAgent", params: ["string"], result: "AgentInfo", async: true, impl: agents.stopAgent },
  { kind: "abi", module: MODULE, name: "getAgentInfo", params: ["string"], result: "AgentInfo", async: true, impl: agents.getAgentInfo },
  { kind: "abi", module: MODULE, name: "listAgents", params: [], result: "~lib/array/Array<~lib/@hypermode/modus-sdk-as/assembly/agent/AgentInfo>", async: true, impl: agents.listAgents },
  {
    kind: "abi",
    module: MODULE,
    name: "sendMessage",
    params: ["string", "string", "string | null", "i64"],
    result: "MessageResponse",
    async: true,
    impl: agents.sendMessage,
  },
  {
    kind: "abi",
    module: MODULE,
    name: "publishEvent",
    params: ["string", "string", "string | null"],
    result: "void",
    async: true,
    impl: agents.publishEvent,
  },
];
