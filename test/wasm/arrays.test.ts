import { describe, expect, it } from "vitest";
import { AbiError } from "../../src/wasm/errors";
import { call } from "./harness";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

describe("arrays round-trip through identity functions", () => {
  const cases: [string, unknown[]][] = [
    ["identityArrayI32", []],
    ["identityArrayI32", [0]],
    ["identityArrayI32", [1, -2, 2147483647, -2147483648]],
    ["identityArrayI8", [-128, 0, 127]],
    ["identityArrayI16", [-32768, 1, 32767]],
    ["identityArrayU16", [0, 65535]],
    ["identityArrayU32", [0, 4294967295, 2147483648]],
    ["identityArrayI64", [I64_MIN, -1n, 0n, I64_MAX]],
    ["identityArrayU64", [0n, 2n ** 64n - 1n]],
    ["identityArrayF32", [Math.fround(0.1), -1.5, 3.4028234663852886e38]],
    ["identityArrayF64", [0.1, -1e308, Number.MIN_VALUE]],
    ["identityArrayBool", [true, false, true]],
    ["identityArrayBool", []],
    ["identityArrayString", ["", "b", "😀", "\ud800"]],
    ["identityArrayString", []],
    ["identityArrayNullableString", [null, "x", null]],
    ["identityArrayArrayI32", [[], [1], [2, 3]]],
    ["identityArrayArrayI32", []],
    ["identityArrayArrayArrayString", [[[], ["deep"]], [], [["a", "b"], ["c"]]]],
  ];
  it.each(cases)("%s case %#", async (fn, value) => {
    expect(await call(fn, value)).toStrictEqual(value);
  });

  it("round-trips null and a value through i32[] | null", async () => {
    expect(await call("identityNullableArray", null)).toBeNull();
    expect(await call("identityNullableArray", [7])).toEqual([7]);
  });
});

describe("the guest sees the exact array the host lowered", () => {
  const cases: [string, unknown][] = [
    ["checkArrayI32", [1, -2, 2147483647, -2147483648]],
    ["checkArrayEmpty", []],
    ["checkArrayI64", [I64_MIN, 0n, I64_MAX]],
    ["checkArrayU64", [0n, 2n ** 64n - 1n]],
    ["checkArrayString", ["", "b", "ccc"]],
    ["checkArrayNullableString", [null, "x", null]],
    ["checkArrayNested", [[], [1], [2, 3]]],
    ["checkArrayDeep", [[[], ["deep"]]]],
    ["checkArrayF64", [0.1, -1e308, Number.MIN_VALUE]],
    ["checkArrayBool", [true, false, true]],
  ];
  it.each(cases)("%s", async (fn, value) => {
    expect(await call(fn, value)).toBe(true);
  });

  it("agrees with the guest on element order and width (the guest reverses)", async () => {
    expect(await call("reverseI8", [-1, 2, -128])).toEqual([-128, 2, -1]);
    expect(await call("reverseU16", [1, 65535])).toEqual([65535, 1]);
    expect(await call("reverseI64", [1n, I64_MIN])).toEqual([I64_MIN, 1n]);
    expect(await call("reverseStrings", ["a", "", "c"])).toEqual(["c", "", "a"]);
    expect(await call("lengths", [[], [1, 2], [3]])).toEqual([0, 2, 1]);
    expect(await call("sumI64", [I64_MAX, 1n])).toBe(I64_MIN);
  });
});

describe("10,000-element arrays", () => {
  const expected = Array.from({ length: 10_000 }, (_, i) => i * 3 - 7);
  it("lifts one the guest made", async () => {
    expect(await call("makeArray10k")).toEqual(expected);
  });
  it("lowers one the guest checks element by element", async () => {
    expect(await call("checkArray10k", expected)).toBe(true);
    expect(await call("identityArrayI32", expected)).toEqual(expected);
  });
  it("moves 10,000 strings both ways", async () => {
    const strings = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    expect(await call("makeArrayStrings10k")).toEqual(strings);
    expect(await call("checkArrayStrings10k", strings)).toBe(true);
  });
});

describe("array errors", () => {
  it("names the element at fault", async () => {
    await expect(call("identityArrayI32", [1, "2"])).rejects.toThrow(/~lib\/array\/Array<i32>\[1\]: "2" is not a valid i32/);
    await expect(call("identityArrayString", ["a", null])).rejects.toThrow(/\[1\]: null given for non-nullable ~lib\/string\/String/);
    await expect(call("identityArrayF64", [1, NaN])).rejects.toThrow(/\[1\]: NaN is not a valid f64/);
  });
  it("rejects a non-array", async () => {
    await expect(call("identityArrayI32", { length: 1 })).rejects.toThrow(/an object is not an array, as ~lib\/array\/Array<i32> needs/);
  });
  it("rejects a null element the guest put in a non-nullable array", async () => {
    await expect(call("makeNullInArray")).rejects.toThrow(/null found for non-nullable ~lib\/array\/Array<i32>/);
  });
  it("rejects an array whose length runs past its buffer", async () => {
    await expect(call("corruptArray")).rejects.toThrow(AbiError);
    await expect(call("corruptArray")).rejects.toThrow(/Array<i32> at \d+ claims 268435456 elements, past the end/);
  });
});
