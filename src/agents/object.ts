import { DurableObject } from "cloudflare:workers";
import { consoleLogger, type Logger } from "../observability/log";
import { registryStub } from "./bindings";
import type { AgentModule } from "./guest";
import { AgentRuntime } from "./lifecycle";
import type { AgentRpc, MessageOutcome } from "./rpc";
import type { AgentInfo, Outcome } from "./types";

/** Modus's default idle time before an agent is suspended. */
export const DEFAULT_IDLE_SECONDS = 2;

/**
 * `MODUS_AGENT_IDLE_TIMEOUT_SECONDS` (Modus's setting) in ms, or Modus's
 * default; a value that is not a positive number is logged and ignored.
 */
export function idleMs(env: Readonly<Record<string, unknown>>, log: Logger): number {
  const raw = env.MODUS_AGENT_IDLE_TIMEOUT_SECONDS;
  if (raw === undefined || raw === "") return DEFAULT_IDLE_SECONDS * 1000;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  log({ level: "warn", msg: `MODUS_AGENT_IDLE_TIMEOUT_SECONDS=${JSON.stringify(raw)} is not a positive number of seconds; using ${DEFAULT_IDLE_SECONDS}` });
  return DEFAULT_IDLE_SECONDS * 1000;
}

/**
 * The Durable Object class of one app's agents: one object per agent, named
 * by the agent's id, holding its Wasm instance while it is active and its
 * state in SQLite. `getModule` builds the app's module and plans on first
 * use in the isolate.
 *
 * @example export const ModusAgent = agentObjectClass(() => loadAgentModule(wasm, manifest));
 */
export function agentObjectClass(getModule: () => AgentModule) {
  return class ModusAgent extends DurableObject implements AgentRpc {
    readonly #agent: AgentRuntime;

    constructor(ctx: DurableObjectState, env: Record<string, unknown>) {
      super(ctx, env as never);
      const log = consoleLogger;
      this.#agent = new AgentRuntime({
        env,
        storage: ctx.storage,
        module: getModule,
        registry: () => registryStub(env, false),
        idleMs: idleMs(env, log),
        log,
      });
    }

    async start(agentId: string, name: string): Promise<Outcome<AgentInfo>> {
      return this.#agent.start(agentId, name);
    }

    async info(agentId: string): Promise<Outcome<AgentInfo>> {
      return this.#agent.info(agentId);
    }

    async stop(agentId: string): Promise<Outcome<AgentInfo>> {
      return this.#agent.stop(agentId);
    }

    async send(agentId: string, msgName: string, data: string | null, respond: boolean): Promise<MessageOutcome> {
      return this.#agent.send(agentId, msgName, data, respond);
    }

    async publish(eventName: string, data: unknown): Promise<void> {
      this.#agent.publish(eventName, data);
    }

    async subscribe(agentId: string): Promise<Outcome<ReadableStream<Uint8Array>>> {
      return this.#agent.subscribe(agentId);
    }

    override async alarm(): Promise<void> {
      await this.#agent.alarm();
    }
  };
}
