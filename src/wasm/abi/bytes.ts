import { AbiError } from "../errors";
import { ARRAY_BUFFER_ID, type GuestMemory } from "../memory";
import { readArrayHeader } from "./array";
import { decodeBase64, encodeBase64 } from "./base64";
import type { Planner } from "./family";
import { show } from "./show";
import { pointer, pointerSlot, type TypeHandler } from "./types";

export const ARRAY_BUFFER_TYPE = "~lib/arraybuffer/ArrayBuffer";

/** The byte-sequence types, each a different wrapper around the same bytes. */
const layouts = {
  [ARRAY_BUFFER_TYPE]: "buffer",
  "~lib/typedarray/Uint8Array": "view",
  "~lib/typedarray/Uint8ClampedArray": "view",
  "~lib/array/Array<u8>": "array",
} as const;
type Layout = (typeof layouts)[keyof typeof layouts];

/**
 * `ArrayBuffer`, `Uint8Array`, `Uint8ClampedArray` and `Array<u8>`: a base64
 * string, as Modus maps them to GraphQL `String`. Lower also takes a
 * `Uint8Array` or an `ArrayBuffer` (for host functions).
 *
 * @example bytesFamily("~lib/arraybuffer/ArrayBuffer", planner)?.lower(memory, "AP8=")
 */
export function bytesFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  const layout: Layout | undefined = layouts[typeName as keyof typeof layouts];
  if (!layout) return undefined;
  const id = layout === "buffer" ? ARRAY_BUFFER_ID : planner.classId(typeName);
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => encodeBase64(readBytes(memory, pointer(raw), layout, id, typeName)),
    lower: (memory, value) => writeBytes(memory, toBytes(value, typeName), layout, id),
  };
}

function readBytes(memory: GuestMemory, ptr: number, layout: Layout, id: number, typeName: string): Uint8Array {
  const size = memory.expect(ptr, id, typeName);
  if (layout === "buffer") return new Uint8Array(memory.buffer, ptr, size);
  if (layout === "array") {
    const { dataStart, length } = readArrayHeader(memory, ptr, 1, typeName);
    return new Uint8Array(memory.buffer, dataStart, length);
  }
  const view = memory.view;
  const buffer = view.getUint32(ptr, true);
  const dataStart = view.getUint32(ptr + 4, true);
  const byteLength = view.getInt32(ptr + 8, true);
  const bufferSize = memory.expect(buffer, ARRAY_BUFFER_ID, `${typeName} buffer`);
  if (byteLength < 0 || dataStart < buffer || dataStart + byteLength > buffer + bufferSize) {
    throw new AbiError(`${typeName} at ${ptr} claims ${byteLength} bytes, past the end of its ${bufferSize}-byte buffer`);
  }
  return new Uint8Array(memory.buffer, dataStart, byteLength);
}

function toBytes(value: unknown, typeName: string): Uint8Array {
  if (typeof value === "string") return decodeBase64(value, typeName);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(value);
  throw new AbiError(`${show(value)} is not a base64 string, as ${typeName} needs`);
}

function writeBytes(memory: GuestMemory, bytes: Uint8Array, layout: Layout, id: number): number {
  const buffer = memory.allocate(bytes.length, ARRAY_BUFFER_ID);
  new Uint8Array(memory.buffer, buffer, bytes.length).set(bytes);
  if (layout === "buffer") return buffer;
  // Typed arrays are {buffer, dataStart, byteLength}; arrays add their length.
  const ptr = memory.allocate(layout === "array" ? 16 : 12, id);
  const view = memory.view;
  view.setUint32(ptr, buffer, true);
  view.setUint32(ptr + 4, buffer, true);
  view.setInt32(ptr + 8, bytes.length, true);
  if (layout === "array") view.setInt32(ptr + 12, bytes.length, true);
  return ptr;
}
