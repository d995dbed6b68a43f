import { AbiError } from "../errors";
import { ARRAY_BUFFER_ID } from "../memory";
import { elementsOf } from "./elements";
import { lowerBufferView } from "./buffer-view";
import type { Planner } from "./family";
import { show } from "./show";
import { pointer, pointerSlot, type TypeHandler } from "./types";

/** Typed arrays other than the byte ones, by element type. */
const elementTypes: Readonly<Record<string, string>> = {
  "~lib/typedarray/Int8Array": "i8",
  "~lib/typedarray/Int16Array": "i16",
  "~lib/typedarray/Uint16Array": "u16",
  "~lib/typedarray/Int32Array": "i32",
  "~lib/typedarray/Uint32Array": "u32",
  "~lib/typedarray/Int64Array": "i64",
  "~lib/typedarray/Uint64Array": "u64",
  "~lib/typedarray/Float32Array": "f32",
  "~lib/typedarray/Float64Array": "f64",
};

/** `{buffer, dataStart, byteLength}`. */
const VIEW_SIZE = 12;

/**
 * `Int32Array`, `Float64Array` and the other non-byte typed arrays: a JS
 * array of numbers (bigints for the 64-bit integer ones), like `Array<T>`.
 *
 * @example typedArrayFamily("~lib/typedarray/Int32Array", planner)?.lower(memory, [1, 2])
 */
export function typedArrayFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  const elementType = elementTypes[typeName];
  if (!elementType) return undefined;
  const id = planner.classId(typeName);
  const element = planner.plan(elementType);
  const elements = elementsOf(element);
  const size = element.size;
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => {
      const ptr = pointer(raw);
      memory.expect(ptr, id, typeName);
      const view = memory.view;
      const buffer = view.getUint32(ptr, true);
      const dataStart = view.getUint32(ptr + 4, true);
      const byteLength = view.getInt32(ptr + 8, true);
      const bufferSize = memory.expect(buffer, ARRAY_BUFFER_ID, `${typeName} buffer`);
      if (byteLength < 0 || byteLength % size || dataStart < buffer || dataStart + byteLength > buffer + bufferSize) {
        throw new AbiError(`${typeName} at ${ptr} claims ${byteLength} bytes, past the end of its ${bufferSize}-byte buffer`);
      }
      return elements.read(memory, dataStart, byteLength / size);
    },
    lower: (memory, value) => {
      if (!Array.isArray(value)) throw new AbiError(`${show(value)} is not an array, as ${typeName} needs`);
      return lowerBufferView(memory, elements, elements.lowerAll(memory, value, typeName), size, id, VIEW_SIZE);
    },
  };
}
