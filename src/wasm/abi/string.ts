import { AbiError } from "../errors";
import { show } from "./show";
import { pointer, pointerSlot, type TypeHandler } from "./types";

export const STRING_TYPE = "~lib/string/String";

/**
 * `string`: UTF-16 code units in a managed object of class id 2, copied unit
 * by unit so lone surrogates survive both ways.
 */
export const stringHandler: TypeHandler = {
  ...pointerSlot,
  typeName: STRING_TYPE,
  lift: (memory, raw) => memory.readString(pointer(raw), STRING_TYPE),
  lower: (memory, value) => {
    if (typeof value !== "string") throw new AbiError(`${show(value)} is not a string`);
    return memory.writeString(value);
  },
};
