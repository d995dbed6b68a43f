import type { GuestMemory } from "../memory";
import { ARRAY_BUFFER_ID } from "../memory";
import type { Elements } from "./elements";
import type { WasmValue } from "./types";

/**
 * Writes lowered elements into a new ArrayBuffer and allocates the object
 * that views it, `{ buffer, dataStart, byteLength }` (typed arrays, 12 bytes;
 * an Array adds its length after). Returns the view's pointer.
 *
 * @example const ptr = lowerBufferView(memory, elements, raws, 4, classId, 12);
 */
export function lowerBufferView(
  memory: GuestMemory,
  elements: Elements,
  raws: readonly WasmValue[],
  elementSize: number,
  classId: number,
  objectSize: number,
): number {
  const byteLength = raws.length * elementSize;
  const buffer = memory.allocate(byteLength, ARRAY_BUFFER_ID);
  const ptr = memory.allocate(objectSize, classId);
  elements.write(memory, buffer, raws);
  const view = memory.view;
  view.setUint32(ptr, buffer, true);
  view.setUint32(ptr + 4, buffer, true);
  view.setInt32(ptr + 8, byteLength, true);
  return ptr;
}
