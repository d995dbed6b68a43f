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

/**
 * Runs one call in a fresh instance: instantiate, `_initialize`, lower the
 * arguments, call the export through JSPI, lift the result. Nothing survives
 * the call, so no two calls ever share guest state.
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
  const cell: MemoryCell = {};
  const instance = await WebAssembly.instantiate(module, imports(ctx, cell));
  const exports = instance.exports as unknown as RuntimeExports & Record<string, unknown>;
  const memory = new GuestMemory(exports);
  cell.memory = memory;
  const name = plan.signature.name;
  try {
    exports._initialize?.();
    const raw = lowerArguments(plan, args, memory, exports);
    const result = await WebAssembly.promising(exports[name] as (...a: WasmValue[]) => WasmValue)(...raw);
    return plan.result ? plan.result.lift(memory, result) : null;
  } catch (err) {
    throw asFunctionError(err, name, ctx);
  } finally {
    try {
      memory.release();
    } catch {
      // The instance is discarded anyway; a trapped runtime cannot unpin.
    }
  }
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
