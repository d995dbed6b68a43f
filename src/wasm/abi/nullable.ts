import { AbiError } from "../errors";
import type { TypeHandler } from "./types";

// Metadata writes " | null" at the top level and "|null" inside type arguments.
const NULLABLE = /\s*\|\s*null$/;

export const isNullable = (typeName: string): boolean => NULLABLE.test(typeName);
export const nonNullable = (typeName: string): string => typeName.replace(NULLABLE, "");

/** Wraps a managed type's handler so that the null pointer maps to `null`. */
export function nullable(inner: TypeHandler): TypeHandler {
  return {
    ...inner,
    typeName: `${inner.typeName} | null`,
    zero: 0,
    lift: (memory, raw) => (Number(raw) === 0 ? null : inner.lift(memory, raw)),
    lower: (memory, value) => (value === null || value === undefined ? 0 : inner.lower(memory, value)),
  };
}

/** Wraps a non-nullable managed type so that a null pointer is an error, not a crash. */
export function required(inner: TypeHandler): TypeHandler {
  return {
    ...inner,
    lift: (memory, raw) => {
      if (Number(raw) === 0) throw new AbiError(`null found for non-nullable ${inner.typeName}`);
      return inner.lift(memory, raw);
    },
    lower: (memory, value) => {
      if (value === null || value === undefined) throw new AbiError(`null given for non-nullable ${inner.typeName}`);
      return inner.lower(memory, value);
    },
  };
}
