import type { FunctionSignature } from "../metadata/types";
import { resultType } from "../metadata/types";
import type { TypePlanner } from "./abi/plan";
import type { TypeHandler, WasmValue } from "./abi/types";
import { isNullable } from "./abi/nullable";
import type { ImportsFactory, MemoryCell } from "../hostfns";
import type { CallContext, LogEntry } from "./context";
import { AbiError, GuestExit, ResultError } from "./errors";
import { BudgetExceeded, NeedsSuspension, type Meter } from "./meter";
import { CallLogs } from "./logs";
import { DEFAULT_LIMITS } from "../limits";
import { GuestMemory, type RuntimeExports } from "./memory";
import { guestFunction } from "./functions";

/** One exported function with its argument and result handlers, planned once. */
export interface FunctionPlan {
  readonly signature: FunctionSignature;
  readonly params: readonly { name: string; handler: TypeHandler; default?: unknown; hasDefault: boolean }[];
  readonly result?: TypeHandler;
}

export function planFunction(signature: FunctionSignature, planner: TypePlanner): FunctionPlan {
  const type = resultType(signature);
  return {
    signature,
    params: signature.parameters.map((p) => ({
      name: p.name,
      handler: planner.plan(p.type),
      default: p.default,
      hasDefault: "default" in p,
    })),
    ...(type === "void" ? {} : { result: planner.plan(type) }),
  };
}

/** The function failed inside the guest: it aborted, exited, trapped or ran past a budget. */
export class FunctionError extends Error {
  override name = "FunctionError";
  constructor(
    message: string,
    /** The budget that stopped it, when one did. */
    readonly limit?: "time" | "memory",
    /** It exited (rather than aborted) after logging why at error level: those lines are its errors. */
    readonly explained = false,
  ) {
    super(message);
  }
}

/** An initialised instance, its memory and its meter, ready for calls. */
export interface GuestInstance {
  readonly exports: RuntimeExports & Record<string, unknown>;
  readonly memory: GuestMemory;
  readonly meter: Meter;
  /** One of the instance's functions by name (from its exports or its function table); throws if there is none. */
  readonly fn: (name: string) => Function;
  /**
   * Ends the instance's life: a pooled memory goes back to its pool, so the
   * instance must not run again. Call it only once no call of it is live.
   */
  readonly retire: () => void;
}

/**
 * Instantiates the module for one call and runs its `_initialize`. The
 * instance is made synchronously: the module is already compiled, and an
 * asynchronous instantiate only adds a task hop to every call.
 *
 * @example const instance = instantiateFor(module, imports, ctx);
 */
export function instantiateFor(module: WebAssembly.Module, imports: ImportsFactory, ctx: CallContext): GuestInstance {
  const cell: MemoryCell = {};
  const retire = () => {
    cell.release?.();
    // Anything still holding the cell fails loudly rather than touch a memory another call may own.
    delete cell.memory;
  };
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, imports(ctx, cell));
  } catch (err) {
    retire();
    throw err;
  }
  const exports = instance.exports as unknown as GuestInstance["exports"];
  const memory = new GuestMemory(exports);
  cell.memory = memory;
  const fn = (name: string) => {
    const found = guestFunction(exports, imports.functions, name);
    // A wrapped imports factory must keep the factory's properties (its function table among them).
    if (!found) throw new Error(`the module has no function ${name} (neither exported nor in its function table)`);
    return found;
  };
  const guest = { exports, memory, meter: cell.meter!, fn, retire };
  try {
    exports._initialize?.();
  } catch (err) {
    settle(guest, ctx);
    retire();
    throw err;
  }
  settle(guest, ctx);
  return guest;
}

/**
 * Calls one export on an instance: lower the arguments, call through JSPI
 * (the guest may suspend in an async host function, or pause between fuel
 * slices), lift the result, then unpin everything the call allocated.
 *
 * @example const value = await callIn(instance, plan, { name: "edge" }, ctx);
 */
export async function callIn(
  instance: GuestInstance,
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  ctx: CallContext,
): Promise<unknown> {
  const { exports, memory, meter } = instance;
  const name = plan.signature.name;
  // A reused instance (an agent's) gets each call's budget afresh.
  const left = exports.__modus_fuel_left as (() => number) | undefined;
  if (meter.calls++ > 0 && left) meter.begin(left());
  let phase: "lower" | "call" | "lift" = "lower";
  try {
    const raw = lowerArguments(plan, args, memory, exports);
    phase = "call";
    meter.suspendable = true;
    let result: WasmValue;
    try {
      result = await WebAssembly.promising(instance.fn(name) as (...a: WasmValue[]) => WasmValue)(...raw);
    } finally {
      meter.suspendable = false;
    }
    phase = "lift";
    return liftResult(plan, memory, result);
  } catch (err) {
    throw asFunctionError(err, name, ctx, instance, phase);
  } finally {
    finish(instance, ctx);
  }
}

/**
 * {@link callIn} without JSPI, for a function that can reach no asynchronous
 * host function: the result comes back synchronously, so GraphQL execution
 * stays synchronous too. The guest cannot pause here, so it is stopped with
 * {@link NeedsSuspension} once it has used one slice of fuel.
 */
function callSync(instance: GuestInstance, plan: FunctionPlan, args: Readonly<Record<string, unknown>>, ctx: CallContext): unknown {
  const { exports, memory, meter } = instance;
  const name = plan.signature.name;
  let phase: "lower" | "call" | "lift" = "lower";
  try {
    const raw = lowerArguments(plan, args, memory, exports);
    phase = "call";
    meter.synchronous = true;
    let result: WasmValue;
    try {
      result = (instance.fn(name) as (...a: WasmValue[]) => WasmValue)(...raw);
    } finally {
      meter.synchronous = false;
    }
    phase = "lift";
    return liftResult(plan, memory, result);
  } catch (err) {
    if (err instanceof NeedsSuspension) throw err;
    throw asFunctionError(err, name, ctx, instance, phase);
  } finally {
    finish(instance, ctx);
  }
}

function liftResult(plan: FunctionPlan, memory: GuestMemory, result: WasmValue): unknown {
  if (!plan.result) return null;
  try {
    return plan.result.lift(memory, result);
  } catch (err) {
    if (err instanceof AbiError) throw new ResultError(plan.signature.name, err);
    throw err;
  }
}

// Unpins what the call allocated and records its usage.
function finish(instance: GuestInstance, ctx: CallContext): void {
  try {
    instance.memory.release();
  } catch {
    // A trapped runtime cannot unpin; its instance is discarded anyway.
  }
  settle(instance, ctx);
}

/**
 * Runs one call in a fresh instance: {@link instantiateFor}, then
 * {@link callIn}. Nothing survives the call, so no two calls ever share guest
 * state, even while one is suspended in a host function.
 *
 * @example
 *   const value = await invoke(module, imports, plan, { name: "edge" }, ctx);
 */
export function invoke(
  module: WebAssembly.Module,
  imports: ImportsFactory,
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  ctx: CallContext,
): unknown {
  const name = plan.signature.name;
  if (!imports.synchronous?.has(name) || imports.longRunning?.has(name)) return invokeSuspendable(module, imports, plan, args, ctx, 0);
  const instance = start(module, imports, plan, ctx);
  try {
    return callSync(instance, plan, args, ctx);
  } catch (err) {
    if (!(err instanceof NeedsSuspension)) throw err;
    // A long call: start over in a fresh instance that may pause between slices. Only logs
    // (dropped here) and reads left the first attempt: the build saw it reach no other host function.
    dropLogs(ctx.logs);
    imports.longRunning?.add(name);
    return invokeSuspendable(module, imports, plan, args, ctx, err.spent);
  } finally {
    // The guest ran to its end, trapped or was stopped: no frame of it is left.
    instance.retire();
  }
}

async function invokeSuspendable(
  module: WebAssembly.Module,
  imports: ImportsFactory,
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  ctx: CallContext,
  spent: number,
): Promise<unknown> {
  const instance = start(module, imports, plan, ctx);
  if (spent) instance.meter.carry(spent);
  try {
    return await callIn(instance, plan, args, ctx);
  } finally {
    // callIn has settled: the guest ran to its end (or trapped), no frame of it is left.
    instance.retire();
  }
}

function start(module: WebAssembly.Module, imports: ImportsFactory, plan: FunctionPlan, ctx: CallContext): GuestInstance {
  try {
    return instantiateFor(module, imports, ctx);
  } catch (err) {
    throw asFunctionError(err, plan.signature.name, ctx, undefined, "start");
  }
}

function dropLogs(logs: CallContext["logs"]): void {
  if (logs instanceof CallLogs) logs.clear();
  else if (Array.isArray(logs)) logs.length = 0;
}

// Arguments after the last one given are left to the guest's own defaults
// (told through __setArgumentsLength); a gap before it takes the default
// recorded in metadata.
function lowerArguments(
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  memory: GuestMemory,
  exports: RuntimeExports,
): WasmValue[] {
  let given = 0;
  plan.params.forEach((p, i) => {
    if (args[p.name] !== undefined) given = i + 1;
  });
  const raw = plan.params.map((p, i) => {
    const nullable = isNullable(p.handler.typeName);
    if (i >= given) {
      if (!p.hasDefault && !nullable) throw new AbiError(`missing argument "${p.name}"`);
      return p.handler.zero;
    }
    const value = args[p.name] !== undefined ? args[p.name] : p.hasDefault ? p.default : null;
    if (value === null && !nullable) throw new AbiError(`missing argument "${p.name}"`);
    try {
      return p.handler.lower(memory, value);
    } catch (err) {
      if (err instanceof AbiError) throw new AbiError(`argument "${p.name}": ${err.message}`);
      throw err;
    }
  });
  exports.__setArgumentsLength?.(given);
  return raw;
}

// Charges the request's fuel pool with what the instance has used so far, and records the call's usage.
function settle({ exports, memory, meter }: GuestInstance, ctx: CallContext): void {
  const left = exports.__modus_fuel_left as (() => number) | undefined;
  const used = left ? meter.settle(left()) : 0;
  if (ctx.usage) {
    ctx.usage.fuel = used;
    ctx.usage.memoryBytes = memory.size;
  }
}

const STACK_OVERFLOW = /call stack/i;

/** The error a failed call reports: what stopped the guest, in terms of the function and its budgets. */
function asFunctionError(err: unknown, name: string, ctx: CallContext, guest: GuestInstance | undefined, phase: string): unknown {
  const meter = guest?.meter;
  if (err instanceof BudgetExceeded) {
    const limits = meter!.limits;
    return new FunctionError(
      err.scope === "call"
        ? `function ${name} used up its compute budget of ${limits.callTimeMs} ms (MODUS_CALL_TIME_LIMIT_MS) and was stopped`
        : `function ${name} was stopped: the request used up its compute budget of ${ctx.limits?.requestTimeMs ?? DEFAULT_LIMITS.requestTimeMs} ms (MODUS_REQUEST_TIME_LIMIT_MS)`,
      "time",
    );
  }
  const guestFailure = err instanceof GuestExit || err instanceof WebAssembly.RuntimeError;
  if (guestFailure && meter?.refusedGrowth !== undefined) {
    const mib = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
    return new FunctionError(
      `function ${name} ran out of memory: it asked for ${mib(meter.refusedGrowth)} MiB, past its budget of ` +
        `${meter.limits.callMemoryMiB} MiB (MODUS_CALL_MEMORY_LIMIT_MB)`,
      "memory",
    );
  }
  if (err instanceof GuestExit) {
    let fatal: LogEntry | undefined;
    let logged = false;
    for (const l of ctx.logs) {
      if (l.level === "fatal") fatal = l;
      else if (l.level === "error") logged = true;
    }
    if (fatal) return new FunctionError(fatal.message);
    // As Modus does, an exit that is not an abort (255) after an error line (utils.throwUserError) reports only that line.
    return new FunctionError(`function ${name} exited with code ${err.code}`, undefined, logged && err.code !== 255);
  }
  if (err instanceof WebAssembly.RuntimeError) {
    return new FunctionError(`function ${name} trapped: ${err.message}`);
  }
  // The guest's own recursion: host-side lifting turns its stack overflows into AbiErrors itself.
  if (phase === "call" && err instanceof RangeError && STACK_OVERFLOW.test(err.message)) {
    return new FunctionError(`function ${name} overflowed the stack (recursion too deep)`);
  }
  return err;
}
