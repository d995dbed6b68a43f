import type { FunctionSignature } from "../metadata/types";
import { resultType } from "../metadata/types";
import type { TypePlanner } from "./abi/plan";
import type { TypeHandler, WasmValue } from "./abi/types";
import { isNullable } from "./abi/nullable";
import type { ImportsFactory, MemoryCell } from "../hostfns";
import type { CallContext } from "./context";
import { AbiError, GuestExit } from "./errors";
import { GuestMemory, type RuntimeExports } from "./memory";

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

/** The function failed inside the guest: it aborted, exited or trapped. */
export class FunctionError extends Error {
  override name = "FunctionError";
}

/** An initialised instance and its memory, ready for calls. */
export interface GuestInstance {
  readonly exports: RuntimeExports & Record<string, unknown>;
  readonly memory: GuestMemory;
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
  const instance = new WebAssembly.Instance(module, imports(ctx, cell));
  const exports = instance.exports as unknown as GuestInstance["exports"];
  const memory = new GuestMemory(exports);
  cell.memory = memory;
  exports._initialize?.();
  return { exports, memory };
}

/**
 * Calls one export on an instance: lower the arguments, call through JSPI
 * (the guest may suspend in an async host function), lift the result, then
 * unpin everything the call allocated.
 *
 * @example const value = await callIn(instance, plan, { name: "edge" }, ctx);
 */
export async function callIn(
  instance: GuestInstance,
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  ctx: CallContext,
): Promise<unknown> {
  const { exports, memory } = instance;
  const name = plan.signature.name;
  try {
    const raw = lowerArguments(plan, args, memory, exports);
    const result = await WebAssembly.promising(exports[name] as (...a: WasmValue[]) => WasmValue)(...raw);
    return plan.result ? plan.result.lift(memory, result) : null;
  } catch (err) {
    throw asFunctionError(err, name, ctx);
  } finally {
    try {
      memory.release();
    } catch {
      // A trapped runtime cannot unpin; its instance is discarded anyway.
    }
  }
}

/**
 * Runs one call in a fresh instance: {@link instantiateFor}, then
 * {@link callIn}. Nothing survives the call, so no two calls ever share guest
 * state, even while one is suspended in a host function.
 *
 * @example
 *   const value = await invoke(module, imports, plan, { name: "edge" }, ctx);
 */
export async function invoke(
  module: WebAssembly.Module,
  imports: ImportsFactory,
  plan: FunctionPlan,
  args: Readonly<Record<string, unknown>>,
  ctx: CallContext,
): Promise<unknown> {
  let instance: GuestInstance;
  try {
    instance = instantiateFor(module, imports, ctx);
  } catch (err) {
    throw asFunctionError(err, plan.signature.name, ctx);
  }
  return callIn(instance, plan, args, ctx);
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

function asFunctionError(err: unknown, name: string, ctx: CallContext): unknown {
  if (err instanceof GuestExit) {
    const fatal = ctx.logs.findLast((l) => l.level === "fatal");
    return new FunctionError(fatal ? fatal.message : `function ${name} exited with code ${err.code}`);
  }
  if (err instanceof WebAssembly.RuntimeError) {
    return new FunctionError(`function ${name} trapped: ${err.message}`);
  }
  return err;
}
