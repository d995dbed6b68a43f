import type { GuestMemory } from "../wasm/memory";
import type { CallContext } from "../wasm/context";
import type { WasmValue } from "../wasm/abi/types";

/**
 * A host function whose parameters and result cross by the Modus ABI: the
 * types are AssemblyScript type names, planned into handlers once per module.
 */
export interface AbiHostFunction {
  readonly kind: "abi";
  readonly module: string;
  readonly name: string;
  readonly params: readonly string[];
  /** `"void"` when it returns nothing. */
  readonly result: string;
  /** Does I/O: wrapped in `WebAssembly.Suspending` so the guest waits (JSPI). */
  readonly async?: boolean;
  impl(ctx: CallContext, ...args: any[]): unknown;
}

/** A host function on raw Wasm values (the WASI calls), given the guest memory. */
export interface RawHostFunction {
  readonly kind: "raw";
  readonly module: string;
  readonly name: string;
  impl(ctx: CallContext, memory: GuestMemory, ...args: WasmValue[]): WasmValue | void;
}

export type HostFunction = AbiHostFunction | RawHostFunction;
