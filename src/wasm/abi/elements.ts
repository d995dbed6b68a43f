import { AbiError } from "../errors";
import type { GuestMemory } from "../memory";
import type { TypeHandler, WasmValue } from "./types";

type TypedArray =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
type TypedArrayOf = new (buffer: ArrayBuffer, byteOffset: number, length: number) => TypedArray;

// Primitive elements are copied through a typed array over the guest's memory
// rather than element by element through a DataView: the common case for big arrays.
const views: Readonly<Record<string, TypedArrayOf>> = {
  bool: Uint8Array,
  i8: Int8Array,
  u8: Uint8Array,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  isize: Int32Array,
  usize: Uint32Array,
  i64: BigInt64Array,
  u64: BigUint64Array,
  f32: Float32Array,
  f64: Float64Array,
};

/**
 * Reads and writes `count` elements of one type stored back to back, as
 * arrays, typed arrays and their buffers hold them.
 *
 * @example elementsOf(planner.plan("i32")).read(memory, dataStart, 3) // [1, 2, 3]
 */
export interface Elements {
  read(memory: GuestMemory, addr: number, count: number): unknown[];
  /** Lowers every value first (that may allocate), so the caller can allocate the storage last. */
  lowerAll(memory: GuestMemory, values: readonly unknown[], where: string): WasmValue[];
  write(memory: GuestMemory, addr: number, raws: readonly WasmValue[]): void;
}

export function elementsOf(element: TypeHandler): Elements {
  const View = views[element.typeName];
  const size = element.size;
  const lowerAll = (memory: GuestMemory, values: readonly unknown[], where: string): WasmValue[] => {
    const raws = new Array<WasmValue>(values.length);
    for (let i = 0; i < values.length; i++) {
      try {
        raws[i] = element.lower(memory, values[i]);
      } catch (err) {
        throw AbiError.within(err, where, `[${i}]`);
      }
    }
    return raws;
  };
  const slow: Elements = {
    read: (memory, addr, count) => {
      const out = new Array<unknown>(count);
      for (let i = 0; i < count; i++) out[i] = element.lift(memory, element.load(memory.view, addr + i * size));
      return out;
    },
    lowerAll,
    write: (memory, addr, raws) => {
      const view = memory.view;
      for (let i = 0; i < raws.length; i++) element.store(view, addr + i * size, raws[i]!);
    },
  };
  if (!View) return slow;
  // Integers need no per-element conversion: the typed array already yields the JS value.
  const exact = !["bool", "f32", "f64"].includes(element.typeName);
  return {
    read: (memory, addr, count) => {
      if (addr % size !== 0) return slow.read(memory, addr, count);
      const src = new View(memory.buffer, addr, count) as ArrayLike<WasmValue>;
      const out = new Array<unknown>(count);
      // A plain loop: Array.from goes through the iterator protocol, ~15x slower here.
      if (exact) for (let i = 0; i < count; i++) out[i] = src[i];
      else for (let i = 0; i < count; i++) out[i] = element.lift(memory, src[i]!);
      return out;
    },
    lowerAll,
    write: (memory, addr, raws) => {
      if (addr % size !== 0) return slow.write(memory, addr, raws);
      (new View(memory.buffer, addr, raws.length) as { set(a: ArrayLike<WasmValue>): void }).set(raws);
    },
  };
}
