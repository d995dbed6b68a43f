import { AbiError } from "../errors";
import type { TypeHandler, WasmValue } from "./types";

const integer = (typeName: string, size: number, min: number, max: number, fromRaw: (v: number) => number): TypeHandler => ({
  typeName,
  size,
  zero: 0,
  lift: (_m, raw) => fromRaw(Number(raw)),
  lower: (_m, value) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new AbiError(`${JSON.stringify(value)} is not a valid ${typeName} (${min} to ${max})`);
    }
    return value | 0;
  },
});

const bigInteger = (typeName: string, bits: 64, signed: boolean): TypeHandler => {
  const min = signed ? -(1n << 63n) : 0n;
  const max = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  return {
    typeName,
    size: 8,
    zero: 0n,
    lift: (_m, raw) => (signed ? BigInt.asIntN(bits, BigInt(raw)) : BigInt.asUintN(bits, BigInt(raw))),
    lower: (_m, value) => {
      let v: bigint;
      if (typeof value === "bigint") v = value;
      else if (typeof value === "number" && Number.isSafeInteger(value)) v = BigInt(value);
      else throw new AbiError(`${String(value)} is not a valid ${typeName}`);
      if (v < min || v > max) throw new AbiError(`${v} is out of range for ${typeName}`);
      return BigInt.asIntN(64, v);
    },
  };
};

const float = (typeName: string, size: number): TypeHandler => ({
  typeName,
  size,
  zero: 0,
  lift: (_m, raw) => {
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new AbiError(`the ${typeName} value ${v} has no GraphQL representation`);
    return v;
  },
  lower: (_m, value) => {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new AbiError(`${String(value)} is not a valid ${typeName}`);
    }
    return value;
  },
});

const bool: TypeHandler = {
  typeName: "bool",
  size: 1,
  zero: 0,
  lift: (_m, raw) => Number(raw) !== 0,
  lower: (_m, value) => {
    if (typeof value !== "boolean") throw new AbiError(`${JSON.stringify(value)} is not a valid bool`);
    return value ? 1 : 0;
  },
};

/** Handlers for every primitive AssemblyScript type, by type name. */
export const primitives: ReadonlyMap<string, TypeHandler> = new Map(
  [
    bool,
    integer("i8", 1, -128, 127, (v) => (v << 24) >> 24),
    integer("i16", 2, -32768, 32767, (v) => (v << 16) >> 16),
    integer("i32", 4, -2147483648, 2147483647, (v) => v | 0),
    integer("u8", 1, 0, 255, (v) => v & 0xff),
    integer("u16", 2, 0, 65535, (v) => v & 0xffff),
    integer("u32", 4, 0, 4294967295, (v) => v >>> 0),
    bigInteger("i64", 64, true),
    bigInteger("u64", 64, false),
    integer("isize", 4, -2147483648, 2147483647, (v) => v | 0),
    integer("usize", 4, 0, 4294967295, (v) => v >>> 0),
    float("f32", 4),
    float("f64", 8),
  ].map((h) => [h.typeName, h] as const),
);

export const isPrimitive = (typeName: string): boolean => primitives.has(typeName);

export type { WasmValue };
