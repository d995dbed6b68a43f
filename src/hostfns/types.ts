import type { GuestMemory } from "../wasm/memory";
import type { CallContext } from "../wasm/context";
import type { Meter } from "../wasm/meter";
import type { WasmValue } from "../wasm/abi/types";

/**
 * A host function whose parameters and result cross by the Modus ABI.
 * Types are short names (`string`, `string | null`, `i32`, `ModelInfo`,
 * `Request`, `void`): the module's metadata records the full AssemblyScript
 * names of what it imports, and planning checks they agree with these.
 */
export interface AbiHostFunction {
  readonly kind: "abi";
  readonly module: string;
  readonly name: string;
  readonly params: readonly string[];
  readonly result: string;
  /** Does I/O: wrapped in `WebAssembly.Suspending` so the guest waits (JSPI). */
  readonly async?: boolean;
  /** Reaches the network (a subrequest): counted and paced per request (MODUS_HOST_CALLS_LIMIT, MODUS_HOST_CONCURRENCY_LIMIT). */
  readonly outbound?: boolean;
  impl(ctx: CallContext, ...args: any[]): unknown;
}

/** What a raw host function reaches of the instance calling it. */
export interface GuestParts {
  readonly memory: GuestMemory;
  readonly meter: Meter;
}

/** A host function on raw Wasm values (the WASI and metering calls), given the instance's memory and meter. */
export interface RawHostFunction {
  readonly kind: "raw";
  readonly module: string;
  readonly name: string;
  /** Returns a promise: wrapped in `WebAssembly.Suspending` so the guest waits (JSPI). */
  readonly async?: boolean;
  impl(ctx: CallContext, guest: GuestParts, ...args: WasmValue[]): WasmValue | void | Promise<WasmValue>;
}

export type HostFunction = AbiHostFunction | RawHostFunction;

const BUILTIN_NAMES: Readonly<Record<string, string>> = {
  "~lib/string/String": "string",
  "~lib/arraybuffer/ArrayBuffer": "ArrayBuffer",
};

/**
 * The short name of an AssemblyScript type name, as host tables write it.
 *
 * @example shortTypeName("~lib/@hypermode/modus-sdk-as/assembly/http/Request | null") // "Request | null"
 */
export function shortTypeName(typeName: string): string {
  const nullable = /\s*\|\s*null$/.test(typeName);
  const base = typeName.replace(/\s*\|\s*null$/, "");
  const short = BUILTIN_NAMES[base] ?? (base.includes("<") ? base : base.slice(base.lastIndexOf("/") + 1));
  return nullable ? `${short} | null` : short;
}

/** The full AssemblyScript name of a built-in short name, for imports metadata does not describe. */
export function builtinTypeName(short: string): string | undefined {
  const nullable = short.endsWith(" | null");
  const base = nullable ? short.slice(0, -7) : short;
  const full = Object.entries(BUILTIN_NAMES).find(([, s]) => s === base)?.[0] ?? (/^[a-z]\w*$/.test(base) ? base : undefined);
  return full && (nullable ? `${full} | null` : full);
}
