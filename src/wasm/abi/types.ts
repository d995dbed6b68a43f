import type { GuestMemory } from "../memory";

/** A value as a Wasm function takes or returns it. */
export type WasmValue = number | bigint;

/**
 * Moves values of one AssemblyScript type across the boundary. `lift` reads a
 * guest value into JavaScript; `lower` writes a JavaScript value into the guest.
 * `load`/`store` move the raw value where it sits inline (an array element, a
 * class field, a map entry): managed values as 4-byte pointers.
 */
export interface TypeHandler {
  /** The AssemblyScript type name this handler serves. */
  readonly typeName: string;
  /** Bytes the value takes inline in an array or a class field (also its alignment). */
  readonly size: number;
  lift(memory: GuestMemory, raw: WasmValue): unknown;
  lower(memory: GuestMemory, value: unknown): WasmValue;
  /** The value a missing argument passes (zero, or a null pointer). */
  readonly zero: WasmValue;
  load(view: DataView, addr: number): WasmValue;
  store(view: DataView, addr: number, raw: WasmValue): void;
}

/**
 * A guest pointer (or size) as the unsigned number it is. Wasm hands i32
 * values to JavaScript as signed numbers, so an address past 2 GiB would
 * otherwise read as negative.
 *
 * @example pointer(-2147483648) // 2147483648
 */
export const pointer = (raw: WasmValue): number => Number(raw) >>> 0;

/** How a managed value sits inline: a 32-bit pointer. */
export const pointerSlot = {
  size: 4,
  zero: 0,
  load: (view: DataView, addr: number): WasmValue => view.getUint32(addr, true),
  store: (view: DataView, addr: number, raw: WasmValue): void => view.setUint32(addr, Number(raw), true),
} as const;

/** Rounds `offset` up to a multiple of `align` (a power of two). */
export const alignUp = (offset: number, align: number): number => (offset + align - 1) & -align;
