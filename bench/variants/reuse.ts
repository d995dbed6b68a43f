// R2's switch: one instance kept for the isolate's life and reused by every
// call, in place of production's fresh instance per call. Bench-only and
// unsafe in production: a suspended call would share guest state with the
// next, and imports stay bound to the first call's context. Safe here because
// the benched function (`sayHello`) never suspends and calls no host function.
import type { FunctionPlan } from "../../src/wasm/invoke";
import type { ImportsFactory, MemoryCell } from "../../src/hostfns";
import type { CallContext } from "../../src/wasm/context";
import type { WasmValue } from "../../src/wasm/abi/types";
import { GuestMemory, type RuntimeExports } from "../../src/wasm/memory";
import type { Invoke } from "./calls";

type Exports = RuntimeExports & Record<string, unknown>;
interface Held {
  exports: Exports;
  memory: GuestMemory;
  callers: Map<string, (...a: WasmValue[]) => Promise<WasmValue>>;
}

/**
 * An `invoke` with the signature of production's that instantiates and
 * initialises once, then lowers, calls (through JSPI, as production does) and
 * lifts on the same instance. Every argument must be given.
 *
 * @example const call = reusingInvoke(); await call(module, imports, plan, { name: "edge" }, ctx);
 */
export function reusingInvoke(): Invoke {
  let held: Promise<Held> | undefined;
  return async (module: WebAssembly.Module, imports: ImportsFactory, plan: FunctionPlan, args: Readonly<Record<string, unknown>>, ctx: CallContext) => {
    held ??= instantiate(module, imports, ctx);
    const { exports, memory, callers } = await held;
    const name = plan.signature.name;
    let caller = callers.get(name);
    if (!caller) callers.set(name, (caller = WebAssembly.promising(exports[name] as (...a: WasmValue[]) => WasmValue)));
    try {
      const raw = plan.params.map((p) => p.handler.lower(memory, args[p.name]));
      exports.__setArgumentsLength?.(raw.length);
      const result = await caller(...raw);
      return plan.result ? plan.result.lift(memory, result) : null;
    } finally {
      memory.release();
    }
  };
}

async function instantiate(module: WebAssembly.Module, imports: ImportsFactory, ctx: CallContext): Promise<Held> {
  const cell: MemoryCell = {};
  const instance = await WebAssembly.instantiate(module, imports(ctx, cell));
  const exports = instance.exports as unknown as Exports;
  const memory = new GuestMemory(exports);
  cell.memory = memory;
  exports._initialize?.();
  return { exports, memory, callers: new Map() };
}
