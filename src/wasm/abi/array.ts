import { AbiError } from "../errors";
import type { GuestMemory } from "../memory";
import { ARRAY_BUFFER_ID } from "../memory";
import { elementsOf } from "./elements";
import { lowerBufferView } from "./buffer-view";
import type { Planner } from "./family";
import { show } from "./show";
import { typeArguments } from "./typename";
import { pointer, pointerSlot, type TypeHandler } from "./types";

export const ARRAY_PREFIX = "~lib/array/Array";
/** `Array<T>`: `{buffer, dataStart, byteLength, length}`. */
const ARRAY_SIZE = 16;

/**
 * `Array<T>` for any element type (`Array<u8>` is bytes, planned before this):
 * a JS array, nested to any depth.
 *
 * @example arrayFamily("~lib/array/Array<i32>", planner)?.lift(memory, ptr) // [1, 2, 3]
 */
export function arrayFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  const args = typeArguments(typeName, ARRAY_PREFIX);
  if (args?.length !== 1) return undefined;
  const id = planner.classId(typeName);
  const element = planner.plan(args[0]!);
  const elements = elementsOf(element);
  const size = element.size;
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => {
      const ptr = pointer(raw);
      memory.expect(ptr, id, typeName);
      return memory.visit(ptr, typeName, () => {
        const { dataStart, length } = readArrayHeader(memory, ptr, size, typeName);
        return elements.read(memory, dataStart, length);
      });
    },
    lower: (memory, value) => {
      if (!Array.isArray(value)) throw new AbiError(`${show(value)} is not an array, as ${typeName} needs`);
      return memory.visit(value, typeName, () => {
        const raws = elements.lowerAll(memory, value, typeName);
        const ptr = lowerBufferView(memory, elements, raws, size, id, ARRAY_SIZE);
        memory.view.setInt32(ptr + 12, raws.length, true);
        return ptr;
      });
    },
  };
}

/**
 * Reads and checks an array's header: its buffer must be an ArrayBuffer that
 * holds `length` elements from `dataStart`.
 */
export function readArrayHeader(memory: GuestMemory, ptr: number, elementSize: number, typeName: string) {
  const view = memory.view;
  const buffer = view.getUint32(ptr, true);
  const dataStart = view.getUint32(ptr + 4, true);
  const length = view.getInt32(ptr + 12, true);
  const bufferSize = memory.expect(buffer, ARRAY_BUFFER_ID, `${typeName} buffer`);
  if (length < 0 || dataStart < buffer || dataStart + length * elementSize > buffer + bufferSize) {
    throw new AbiError(`${typeName} at ${ptr} claims ${length} elements, past the end of its ${bufferSize}-byte buffer`);
  }
  return { dataStart, length };
}
