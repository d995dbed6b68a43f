import { AbiError } from "../errors";
import type { TypeHandler } from "./types";

export const STRING_TYPE = "~lib/string/String";

/** `string`: UTF-16 code units in a managed object of class id 2. */
export const stringHandler: TypeHandler = {
  typeName: STRING_TYPE,
  size: 4,
  zero: 0,
  lift: (memory, raw) => memory.readString(Number(raw), STRING_TYPE),
  lower: (memory, value) => {
    if (typeof value !== "string") throw new AbiError(`${JSON.stringify(value)} is not a string`);
    return memory.writeString(value);
  },
};
