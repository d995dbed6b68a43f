import type { GuestMemory } from "../memory";

/** A value as a Wasm function takes or returns it. */
export type WasmValue = number | bigint;

/**
 * Moves values of one AssemblyScript type across the boundary. `lift` reads a
 * guest value into JavaScript; `lower` writes a JavaScript value into the guest.
 */
export interface TypeHandler {
  /** The AssemblyScript type name this handler serves. */
  readonly typeName: string;
  /** Bytes the value takes inline in an array or a class field. */
  readonly size: number;
  lift(memory: GuestMemory, raw: WasmValue): unknown;
  lower(memory: GuestMemory, value: unknown): WasmValue;
  /** The value a missing argument passes (zero, or a null pointer). */
  readonly zero: WasmValue;
}
