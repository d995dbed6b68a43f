import { AbiError } from "../errors";
import { show } from "./show";
import type { TypeHandler, WasmValue } from "./types";

type Load = (view: DataView, addr: number) => number;
type Store = (view: DataView, addr: number, value: number) => void;


const integer = (
  typeName: string,
  size: number,
  min: number,
  max: number,
  fromRaw: (v: number) => number,
  load: Load,
  store: Store,
): TypeHandler => ({
  typeName,
  size,
  zero: 0,
  lift: (_m, raw) => fromRaw(Number(raw)),
  lower: (_m, value) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new AbiError(`${show(value)} is not a valid ${typeName} (an integer from ${min} to ${max})`);
    }
    return value | 0;
  },
  load: (view, addr) => load(view, addr),
  store: (view, addr, raw) => store(view, addr, Number(raw)),
});

const DECIMAL = /^[+-]?\d+$/;

// i64/u64 lift to bigint; lower also takes safe integers and decimal strings
// (what JSON-speaking callers have), but never a lossy number.
const bigInteger = (typeName: string, signed: boolean): TypeHandler => {
  const min = signed ? -(1n << 63n) : 0n;
  const max = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  return {
    typeName,
    size: 8,
    zero: 0n,
    lift: (_m, raw) => (signed ? BigInt.asIntN(64, BigInt(raw)) : BigInt.asUintN(64, BigInt(raw))),
    lower: (_m, value) => {
      let v: bigint;
      if (typeof value === "bigint") v = value;
      else if (typeof value === "number" && Number.isSafeInteger(value)) v = BigInt(value);
      else if (typeof value === "string" && DECIMAL.test(value)) v = BigInt(value);
      else throw new AbiError(`${show(value)} is not a valid ${typeName} (a bigint, a safe integer or a decimal string)`);
      if (v < min || v > max) throw new AbiError(`${v} is out of range for ${typeName} (${min} to ${max})`);
      return BigInt.asIntN(64, v);
    },
    load: (view, addr) => view.getBigInt64(addr, true),
    store: (view, addr, raw) => view.setBigInt64(addr, BigInt(raw), true),
  };
};

// GraphQL's Float has no NaN or infinities, so neither direction lets one through.
const float = (typeName: "f32" | "f64"): TypeHandler => {
  const narrow = typeName === "f32" ? Math.fround : (v: number) => v;
  return {
    typeName,
    size: typeName === "f32" ? 4 : 8,
    zero: 0,
    lift: (_m, raw) => {
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new AbiError(`the ${typeName} value ${v} (not finite) has no GraphQL representation`);
      return v;
    },
    lower: (_m, value) => {
      if (typeof value !== "number" || !Number.isFinite(narrow(value))) {
        throw new AbiError(`${show(value)} is not a valid ${typeName} (a finite number)`);
      }
      return value;
    },
    load: typeName === "f32" ? (view, addr) => view.getFloat32(addr, true) : (view, addr) => view.getFloat64(addr, true),
    store:
      typeName === "f32"
        ? (view, addr, raw) => view.setFloat32(addr, Number(raw), true)
        : (view, addr, raw) => view.setFloat64(addr, Number(raw), true),
  };
};

const bool: TypeHandler = {
  typeName: "bool",
  size: 1,
  zero: 0,
  lift: (_m, raw) => Number(raw) !== 0,
  lower: (_m, value) => {
    if (typeof value !== "boolean") throw new AbiError(`${show(value)} is not a valid bool`);
    return value ? 1 : 0;
  },
  load: (view, addr) => view.getUint8(addr),
  store: (view, addr, raw) => view.setUint8(addr, Number(raw)),
};

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;
const U32_MAX = 4294967295;
const getI32: Load = (v, a) => v.getInt32(a, true);
const getU32: Load = (v, a) => v.getUint32(a, true);
const setI32: Store = (v, a, x) => v.setInt32(a, x, true);

/** Handlers for every primitive AssemblyScript type, by type name. */
export const primitives: ReadonlyMap<string, TypeHandler> = new Map(
  [
    bool,
    integer("i8", 1, -128, 127, (v) => (v << 24) >> 24, (v, a) => v.getInt8(a), (v, a, x) => v.setInt8(a, x)),
    integer("i16", 2, -32768, 32767, (v) => (v << 16) >> 16, (v, a) => v.getInt16(a, true), (v, a, x) => v.setInt16(a, x, true)),
    integer("i32", 4, I32_MIN, I32_MAX, (v) => v | 0, getI32, setI32),
    integer("u8", 1, 0, 255, (v) => v & 0xff, (v, a) => v.getUint8(a), (v, a, x) => v.setUint8(a, x)),
    integer("u16", 2, 0, 65535, (v) => v & 0xffff, (v, a) => v.getUint16(a, true), (v, a, x) => v.setUint16(a, x, true)),
    integer("u32", 4, 0, U32_MAX, (v) => v >>> 0, getU32, setI32),
    bigInteger("i64", true),
    bigInteger("u64", false),
    integer("isize", 4, I32_MIN, I32_MAX, (v) => v | 0, getI32, setI32),
    integer("usize", 4, 0, U32_MAX, (v) => v >>> 0, getU32, setI32),
    float("f32"),
    float("f64"),
  ].map((h) => [h.typeName, h] as const),
);

export const isPrimitive = (typeName: string): boolean => primitives.has(typeName);

export type { WasmValue };
