import type { ImportsFactory } from "../hostfns";
import type { Manifest } from "../manifest/types";
import type { Metadata } from "../metadata/types";
import type { TypePlanner } from "../wasm/abi/plan";
import type { CallContext, CallingAgent, LogEntry, Services } from "../wasm/context";
import { callIn, instantiateFor, planFunction, type FunctionPlan, type GuestInstance } from "../wasm/invoke";
import type { LifecycleAction } from "./types";

/** The SDK's agent entry points, which the transform makes exports of every app. */
export const AGENT_EXPORTS = {
  activate: "_modus_agent_activate",
  handleEvent: "_modus_agent_handle_event",
  handleMessage: "_modus_agent_handle_message",
  getState: "_modus_agent_get_state",
  setState: "_modus_agent_set_state",
} as const;

type AgentPlans = Record<keyof typeof AGENT_EXPORTS, FunctionPlan>;

/** What an agent's object needs from the app, built once per isolate. */
export interface AgentModule {
  readonly module: WebAssembly.Module;
  readonly imports: ImportsFactory;
  readonly plans: AgentPlans;
  readonly manifest: Manifest;
  readonly services: Services;
}

/** The app was built without the SDK's agent exports (not by modus-edge's transform). */
export class AgentExportsError extends Error {
  override name = "AgentExportsError";
}

/** Plans the five agent exports, or says which one the module lacks. */
export function planAgentExports(metadata: Metadata, planner: TypePlanner): AgentPlans {
  const plan = (name: string) => {
    const signature = metadata.fnExports[name];
    if (!signature) throw new AgentExportsError(`the module does not export ${name}: rebuild the app with modus-edge`);
    return planFunction(signature, planner);
  };
  return Object.fromEntries(Object.entries(AGENT_EXPORTS).map(([key, name]) => [key, plan(name)])) as AgentPlans;
}


/** A call context that lives as long as the instance; each call renews its id and logs. */
type LiveContext = { -readonly [K in keyof CallContext]: CallContext[K] };

/**
 * One agent's Wasm instance, kept alive across messages by its Durable
 * Object: the one place modus-edge keeps an instance beyond a single call.
 * Calls must not overlap (the object's queue sees to it).
 *
 * @example
 *   const guest = AgentGuest.activate(mod, env, { id, name, publish });
 *   const reply = await guest.message("count", null);
 */
export class AgentGuest {
  readonly #mod: AgentModule;
  readonly #instance: GuestInstance;
  readonly #ctx: LiveContext;

  private constructor(mod: AgentModule, instance: GuestInstance, ctx: LiveContext) {
    this.#mod = mod;
    this.#instance = instance;
    this.#ctx = ctx;
  }

  /** Instantiates the module and tells the SDK which agent the instance is. */
  static async activate(mod: AgentModule, env: Readonly<Record<string, unknown>>, agent: CallingAgent): Promise<AgentGuest> {
    const ctx: LiveContext = {
      executionId: crypto.randomUUID(),
      functionName: AGENT_EXPORTS.activate,
      env,
      manifest: mod.manifest,
      services: mod.services,
      logs: [],
      agent,
    };
    const guest = new AgentGuest(mod, instantiateFor(mod.module, mod.imports, ctx), ctx);
    await guest.#call("activate", { name: agent.name, id: agent.id });
    return guest;
  }

  async event(action: LifecycleAction): Promise<void> {
    await this.#call("handleEvent", { action });
  }

  async message(msgName: string, data: string | null): Promise<string | null> {
    return (await this.#call("handleMessage", { msgName, data })) as string | null;
  }

  async getState(): Promise<string | null> {
    return (await this.#call("getState", {})) as string | null;
  }

  async setState(data: string | null): Promise<void> {
    await this.#call("setState", { data });
  }

  async #call(key: keyof AgentPlans, args: Record<string, unknown>): Promise<unknown> {
    const ctx = this.#ctx;
    ctx.executionId = crypto.randomUUID();
    ctx.functionName = AGENT_EXPORTS[key];
    ctx.logs = [];
    try {
      return await callIn(this.#instance, this.#mod.plans[key], args, ctx);
    } finally {
      report(this.#mod.services, ctx, ctx.logs);
    }
  }
}

// An agent's log lines carry its id and name, so one agent's story can be followed.
function report(services: Services, ctx: LiveContext, logs: Iterable<LogEntry>) {
  const agent = ctx.agent!;
  for (const l of logs) {
    const level = l.level === "warning" ? "warn" : l.level === "error" || l.level === "fatal" || l.level === "debug" ? l.level : "info";
    services.log({ msg: l.message, level, source: "agent", agentId: agent.id, agent: agent.name, function: ctx.functionName, executionId: ctx.executionId });
  }
}
