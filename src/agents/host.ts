import type { CallContext } from "../wasm/context";
import { AgentBindingError, agentStub, registryStub } from "./bindings";
import type { AgentInfo, MessageResponse, Outcome } from "./types";
import { xid } from "./xid";

// The SDK's default timeout (Duration.maxValue): wait as long as the call lives.
const NO_TIMEOUT = (1n << 63n) - 1n;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs one host call: a failure (an error outcome, a missing binding, a
 * failed call to an object) is logged to the function as an error, with
 * Modus's wording and detail, and answered with null, which the SDK turns
 * into its own exception, as Modus's host does.
 */
async function hostCall<T>(ctx: CallContext, what: string, detail: string, run: () => Promise<Outcome<T>>): Promise<T | null> {
  let outcome: Outcome<T>;
  try {
    outcome = await run();
  } catch (err) {
    outcome = { error: err instanceof AgentBindingError ? err.message : message(err) };
  }
  if ("ok" in outcome) return outcome.ok;
  ctx.logs.push({ level: "error", message: `${what.replace(/\.$/, "")} (${detail}): ${outcome.error}` });
  return null;
}

/** `modus_agents.startAgent`: a new agent with a fresh xid, initialized and running. */
export function startAgent(ctx: CallContext, name: string): Promise<AgentInfo | null> {
  const id = xid();
  return hostCall(ctx, "Error starting agent.", `Name: ${name}`, () => agentStub(ctx.env, id).start(id, name));
}

/** `modus_agents.stopAgent`: answers `stopping` (or `terminated`); the agent ends after its queued work. */
export function stopAgent(ctx: CallContext, agentId: string): Promise<AgentInfo | null> {
  return hostCall(ctx, "Error stopping agent.", `AgentId: ${agentId}`, () => agentStub(ctx.env, agentId).stop(agentId));
}

export function getAgentInfo(ctx: CallContext, agentId: string): Promise<AgentInfo | null> {
  return hostCall(ctx, "Error getting agent info.", `AgentId: ${agentId}`, () => agentStub(ctx.env, agentId).info(agentId));
}

export function listAgents(ctx: CallContext): Promise<AgentInfo[] | null> {
  return hostCall(ctx, "Error listing agents.", "all agents", async () => ({ ok: await registryStub(ctx.env)!.list() }));
}

/**
 * `modus_agents.sendMessage`: `timeout` in ns; 0 sends without waiting,
 * the SDK's maximum waits as long as the call lives. "Not found" and "no
 * longer available" come back in `error`, as in Modus.
 */
export function sendMessage(ctx: CallContext, agentId: string, msgName: string, data: string | null, timeout: bigint): Promise<MessageResponse | null> {
  const detail = `AgentId: ${agentId}, MsgName: ${msgName}`;
  return hostCall(ctx, "Error sending message to agent.", detail, async (): Promise<Outcome<MessageResponse>> => {
    const respond = timeout !== 0n;
    // The agent's queue holds this message behind the one sending it: waiting would never end.
    if (respond && ctx.agent?.id === agentId) {
      return { ok: { data: null, error: `agent ${agentId} cannot wait for its own reply (send with sendMessageAsync)` } };
    }
    const sent = agentStub(ctx.env, agentId).send(agentId, msgName, data, respond);
    const outcome = respond && timeout < NO_TIMEOUT ? await withTimeout(sent, timeout) : await sent;
    if ("failure" in outcome) return { error: outcome.failure };
    if ("error" in outcome) return { ok: { data: null, error: outcome.error } };
    return { ok: { data: outcome.data, error: null } };
  });
}

async function withTimeout<T>(work: Promise<T>, timeoutNs: bigint): Promise<T> {
  const ms = Number(timeoutNs / 1_000_000n);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `modus_agents.publishEvent`: the event data is JSON (or null). From inside
 * the agent itself it goes straight to its subscribers; from anywhere else,
 * through the agent's object.
 */
export function publishEvent(ctx: CallContext, agentId: string, eventName: string, eventData: string | null): Promise<void> {
  return hostCall(ctx, "Error publishing agent event.", `AgentId: ${agentId}, EventName: ${eventName}`, async () => {
    let data: unknown = null;
    if (eventData !== null) {
      try {
        data = JSON.parse(eventData);
      } catch (err) {
        return { error: `error deserializing event data: ${message(err)}` };
      }
    }
    if (ctx.agent?.id === agentId) ctx.agent.publish(eventName, data);
    else await agentStub(ctx.env, agentId).publish(eventName, data);
    return { ok: undefined };
  }).then(() => undefined);
}
