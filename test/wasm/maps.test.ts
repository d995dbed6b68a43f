import { describe, expect, it } from "vitest";
import { call } from "./harness";

const pairs = (o: Record<string, unknown>) => Object.entries(o).map(([key, value]) => ({ key, value }));

describe("maps as {key, value} pairs", () => {
  const cases: [string, unknown][] = [
    ["identityMapStringString", []],
    ["identityMapStringString", pairs({ a: "1", "": "", "😀": "\ud800" })],
    ["identityMapStringI32", pairs({ x: -1, y: 2147483647 })],
    ["identityMapI32String", [{ key: -5, value: "neg" }, { key: 0, value: "" }]],
    ["identityMapI64F64", [{ key: -(2n ** 63n), value: 0.5 }, { key: 2n ** 63n - 1n, value: -0.25 }]],
    ["identityMapU8U8", [{ key: 0, value: 255 }, { key: 255, value: 0 }]],
    ["identityMapBoolI16", [{ key: true, value: -32768 }, { key: false, value: 32767 }]],
    ["identityMapStringArray", [{ key: "k", value: ["a", "b"] }, { key: "e", value: [] }]],
    [
      "identityMapStringPerson",
      [{ key: "ada", value: { name: "Ada", age: 36, id: 1815n, tags: ["poet"], friend: null } }],
    ],
  ];
  it.each(cases)("%s case %# round-trips", async (fn, value) => {
    expect(await call(fn, value)).toStrictEqual(value);
  });

  it("round-trips null through a nullable map", async () => {
    expect(await call("identityNullableMap", null)).toBeNull();
  });

  it("lowers a plain object and a JS Map too", async () => {
    expect(await call("checkMapStringI32", { a: 1, b: -2, "": 2147483647 })).toBe(true);
    expect(await call("checkMapStringI32", new Map([["a", 1], ["b", -2], ["", 2147483647]]))).toBe(true);
    expect(await call("checkMapEmpty", {})).toBe(true);
  });

  it("keeps the last value of a repeated key", async () => {
    expect(await call("identityMapStringI32", [{ key: "a", value: 1 }, { key: "a", value: 2 }])).toEqual([{ key: "a", value: 2 }]);
  });
});

describe("the guest finds every key the host wrote (same hash)", () => {
  it.each([
    ["lookupStringI32", pairs({ a: 1, bb: 2, "": 3, "a longer key over sixteen bytes": 4, "😀\ud800": 5 }), ["", "😀\ud800", "a longer key over sixteen bytes", "bb", "a"], [3, 5, 4, 2, 1]],
    ["lookupI32String", [{ key: -1, value: "m" }, { key: 2147483647, value: "x" }], [2147483647, -1], ["x", "m"]],
    ["lookupI64F64", [{ key: -(2n ** 63n), value: 1.5 }, { key: 7n, value: 2 }], [7n, -(2n ** 63n)], [2, 1.5]],
    ["lookupU8U8", [{ key: 1, value: 2 }, { key: 255, value: 9 }], [255, 1], "CQI=" /* u8[] lifts as base64 of [9, 2] */],
    ["lookupBoolI16", [{ key: false, value: 3 }, { key: true, value: -3 }], [true, false], [-3, 3]],
    ["lookupF32String", [{ key: 1.5, value: "a" }, { key: -0.25, value: "b" }], [-0.25, 1.5], ["b", "a"]],
    ["lookupI8I64", [{ key: -128, value: 1n }, { key: -1, value: 2n }, { key: 127, value: 3n }], [-1, 127, -128], [2n, 3n, 1n]],
    ["lookupU16String", [{ key: 65535, value: "max" }, { key: 0, value: "zero" }], [0, 65535], ["zero", "max"]],
  ])("%s", async (fn, map, keys, values) => {
    expect(await call(fn, map, keys)).toStrictEqual(values);
  });

  it("lets the guest add to a host-built map past its capacity (rehash)", async () => {
    for (const n of [0, 3, 4, 5, 21, 22]) {
      const input = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
      const out = (await call("addOne", input, "new", -1)) as { key: string; value: number }[];
      expect(out).toEqual([...input, { key: "new", value: -1 }]);
    }
  });

  it("survives the guest rebuilding the map through keys() and get()", async () => {
    const input = Array.from({ length: 100 }, (_, i) => ({ key: `key-${i * 7}`, value: i }));
    expect(await call("rebuildStringI32", input)).toEqual(input);
  });
});

describe("maps the guest made", () => {
  it("lift in insertion order", async () => {
    expect(await call("makeMapStringI32")).toEqual(pairs({ a: 1, b: -2, "": 2147483647 }));
    expect(await call("makeMapI64F64")).toEqual([{ key: -(2n ** 63n), value: 0.5 }, { key: 2n ** 63n - 1n, value: -0.25 }]);
    expect(await call("makeMapU8U8")).toEqual([{ key: 1, value: 2 }, { key: 255, value: 0 }, { key: 0, value: 255 }]);
    expect(await call("makeMapBoolI16")).toEqual([{ key: true, value: -1 }, { key: false, value: 32767 }]);
  });

  it("skip deleted entries", async () => {
    const live = [1, 2, 4, 5, 7, 8].map((i) => ({ key: `k${i}`, value: i }));
    expect(await call("makeMapWithDeletions")).toEqual(live);
  });
});

describe("map errors", () => {
  it("name the entry at fault", async () => {
    await expect(call("identityMapStringI32", [{ key: "a", value: "x" }])).rejects.toThrow(/Map<~lib\/string\/String,i32>\[0\]\.value: "x" is not a valid i32/);
    await expect(call("identityMapI32String", { a: "x" })).rejects.toThrow(/an object is not a list of \{key, value\} pairs/);
    await expect(call("identityMapStringI32", [["a", 1]])).rejects.toThrow(/\[0\]: an array of 2 is not a \{key, value\} pair/);
  });
});
