import { describe, expect, it } from "vitest";
import { AbiError } from "../../src/wasm/errors";
import { call } from "./harness";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;
const F32_MAX = 3.4028234663852886e38;
const F32_MIN_SUBNORMAL = Math.fround(1.4e-45);

describe("primitives round-trip through identity functions", () => {
  const cases: [string, unknown][] = [
    ["identityBool", true],
    ["identityBool", false],
    ["identityI8", -128],
    ["identityI8", 0],
    ["identityI8", 127],
    ["identityI16", -32768],
    ["identityI16", 32767],
    ["identityI32", -2147483648],
    ["identityI32", 2147483647],
    ["identityI32", -1],
    ["identityU8", 0],
    ["identityU8", 255],
    ["identityU16", 65535],
    ["identityU32", 0],
    ["identityU32", 4294967295],
    ["identityU32", 2147483648],
    ["identityI64", I64_MIN],
    ["identityI64", I64_MAX],
    ["identityI64", 0n],
    ["identityI64", -1n],
    ["identityU64", 0n],
    ["identityU64", U64_MAX],
    ["identityU64", 2n ** 63n],
    ["identityF32", 0],
    ["identityF32", Math.fround(Math.PI)],
    ["identityF32", F32_MAX],
    ["identityF32", -F32_MAX],
    ["identityF32", F32_MIN_SUBNORMAL],
    ["identityF64", 0.1],
    ["identityF64", Number.MAX_VALUE],
    ["identityF64", Number.MIN_VALUE],
    ["identityF64", -Number.EPSILON],
  ];
  it.each(cases)("%s(%s)", async (fn, value) => {
    expect(await call(fn, value)).toStrictEqual(value);
  });

  it("keeps the sign of -0", async () => {
    expect(Object.is(await call("identityF64", -0), -0)).toBe(true);
  });

  it("takes i64/u64 as safe integers and decimal strings too", async () => {
    expect(await call("identityI64", -42)).toBe(-42n);
    expect(await call("identityI64", "9223372036854775807")).toBe(I64_MAX);
    expect(await call("identityU64", "18446744073709551615")).toBe(U64_MAX);
  });
});

describe("the guest sees the exact value the host lowered", () => {
  const cases: [string, unknown][] = [
    ["checkBoolTrue", true],
    ["checkBoolFalse", false],
    ["checkI8Min", -128],
    ["checkI8Max", 127],
    ["checkI16Min", -32768],
    ["checkI16Max", 32767],
    ["checkI32Min", -2147483648],
    ["checkI32Max", 2147483647],
    ["checkU8Max", 255],
    ["checkU16Max", 65535],
    ["checkU32Max", 4294967295],
    ["checkI64Min", I64_MIN],
    ["checkI64Max", I64_MAX],
    ["checkU64Max", U64_MAX],
    ["checkF32Pi", Math.fround(Math.PI)],
    ["checkF64Pi", Math.PI],
    ["checkF64MinSubnormal", Number.MIN_VALUE],
    ["checkF64NegZero", -0],
  ];
  it.each(cases)("%s(%s)", async (fn, value) => {
    expect(await call(fn, value)).toBe(true);
  });

  it("fails the guest's check for a different value, with the guest's message", async () => {
    await expect(call("checkI64Max", I64_MAX - 1n)).rejects.toThrow("guest check failed: i64 max");
  });
});

describe("the host sees the exact value the guest made", () => {
  const cases: [string, unknown][] = [
    ["makeI8Min", -128],
    ["makeI16Min", -32768],
    ["makeI32Min", -2147483648],
    ["makeU8Max", 255],
    ["makeU16Max", 65535],
    ["makeU32Max", 4294967295],
    ["makeI64Min", I64_MIN],
    ["makeI64Max", I64_MAX],
    ["makeU64Max", U64_MAX],
    ["makeF32Max", F32_MAX],
    ["makeF64Epsilon", Number.EPSILON],
  ];
  it.each(cases)("%s() is %s", async (fn, value) => {
    expect(await call(fn)).toStrictEqual(value);
  });
});

describe("values with no GraphQL form are errors, never null", () => {
  it.each([
    ["makeNaN", /f64 value NaN/],
    ["makeInfinity", /f64 value Infinity/],
    ["makeNegInfinityF32", /f32 value -Infinity/],
  ])("%s() fails with a message naming the type", async (fn, message) => {
    await expect(call(fn)).rejects.toThrow(AbiError);
    await expect(call(fn)).rejects.toThrow(message);
  });

  it.each([
    ["identityF64", NaN, /NaN is not a valid f64/],
    ["identityF64", Infinity, /Infinity is not a valid f64/],
    ["identityF32", -Infinity, /-Infinity is not a valid f32/],
    ["identityF32", 1e39, /1e\+39 is not a valid f32/],
    ["identityI8", 128, /128 is not a valid i8/],
    ["identityU32", -1, /-1 is not a valid u32/],
    ["identityI32", 1.5, /1.5 is not a valid i32/],
    ["identityI64", 2n ** 63n, /out of range for i64/],
    ["identityU64", -1n, /out of range for u64/],
    ["identityI64", 2 ** 60, /is not a valid i64/],
    ["identityI64", "12abc", /is not a valid i64/],
    ["identityBool", 1, /1 is not a valid bool/],
  ])("lowering %s(%s) fails", async (fn, value, message) => {
    await expect(call(fn, value)).rejects.toThrow(AbiError);
    await expect(call(fn, value)).rejects.toThrow(message);
  });
});
