import { describe, expect, it } from "vitest";
import { AbiError } from "../../src/wasm/errors";
import { FunctionError } from "../../src/wasm/invoke";
import { call, instance, planner, T } from "./harness";

describe("pointers the guest hands back are checked before use", () => {
  it.each([
    ["fakePerson", /pointer \d+ holds class id 2, not assembly\/classes\/Person \(class id 19\)/],
    ["pointerPastEnd", /invalid pointer \d+ for ~lib\/string\/String/],
    ["pointerMisaligned", /invalid pointer \d+ for ~lib\/string\/String/],
    ["corruptLength", /~lib\/string\/String at \d+ claims 2147483632 bytes, past the end of memory/],
    ["nullForNonNullable", /null found for non-nullable ~lib\/string\/String/],
    // A bad result is the function's fault: the message says which function returned it.
    ["corruptArray", /^function corruptArray returned a value that cannot be sent: ~lib\/array\/Array<i32> at \d+ claims 268435456 elements, past the end of its 12-byte buffer$/],
    ["makeNullInArray", /^function makeNullInArray returned a value that cannot be sent: null found for non-nullable ~lib\/array\/Array<i32>$/],
  ])("%s fails with an AbiError naming the type", async (fn, message) => {
    const err = await call(fn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbiError);
    expect((err as Error).message).toMatch(message);
  });

  it("an abort reaches the caller with the guest's message", async () => {
    const err = await call("abortWithMessage").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FunctionError);
    expect((err as Error).message).toMatch(/deliberate abort/);
  });
});

describe("handlers driven directly against a live instance", () => {
  it("reject a wrong class id for every managed family", async () => {
    const { memory } = await instance();
    const str = memory.writeString("hello");
    for (const type of [T.person, T.date, "~lib/array/Array<i32>", "~lib/map/Map<~lib/string/String,i32>", "~lib/typedarray/Uint8Array"]) {
      expect(() => planner.plan(type).lift(memory, str)).toThrow(new RegExp(`holds class id 2, not ${type.replace(/[/<>~|]/g, "\\$&")}`));
    }
    memory.release();
  });

  it("reject pointers outside memory, misaligned or inside the header area", async () => {
    const { memory, exports } = await instance();
    const lift = (ptr: number) => () => planner.plan(`${T.string} | null`).lift(memory, ptr);
    for (const ptr of [3, 4, 6, memory.size + 4096, 2 ** 32 - 8]) {
      expect(lift(ptr)).toThrow(AbiError);
      expect(lift(ptr)).toThrow(`invalid pointer ${ptr} for ~lib/string/String`);
    }
    // At the very end of memory the header is readable, and is not a string's. Its
    // class id and size slots are zeroed here: what the heap leaves there depends on
    // the module's layout (modules now carry the SDK's agent exports, for one).
    const tail = new DataView(exports.memory.buffer);
    tail.setUint32(memory.size - 8, 0, true);
    tail.setUint32(memory.size - 4, 0, true);
    expect(lift(memory.size)).toThrow(`pointer ${memory.size} holds class id 0, not ~lib/string/String (class id 2)`);
  });

  it("reject an array whose buffer is not an ArrayBuffer", async () => {
    const { memory } = await instance();
    const ptr = planner.plan("~lib/array/Array<i32>").lower(memory, [1, 2, 3]) as number;
    memory.view.setUint32(ptr, memory.writeString("x"), true);
    expect(() => planner.plan("~lib/array/Array<i32>").lift(memory, ptr)).toThrow(/not ~lib\/array\/Array<i32> buffer \(class id 1\)/);
  });

  it("reject a map whose entry count runs past its entries buffer", async () => {
    const { memory } = await instance();
    const map = planner.plan("~lib/map/Map<~lib/string/String,i32>");
    const ptr = map.lower(memory, { a: 1 }) as number;
    memory.view.setInt32(ptr + 16, 1000, true);
    expect(() => map.lift(memory, ptr)).toThrow(/claims 1000 entries, past the end of its \d+-byte entries buffer/);
  });

  it("reject a date outside the representable range", async () => {
    const { memory } = await instance();
    const date = planner.plan(T.date);
    const ptr = date.lower(memory, 0) as number;
    memory.view.setBigInt64(ptr + 16, 2n ** 62n, true);
    expect(() => date.lift(memory, ptr)).toThrow(/outside the range of a Date/);
  });

  it("turn a stack overflow inside a value into an AbiError", async () => {
    const { memory } = await instance();
    const recurse = (n: number): number => recurse(n + 1) + 1;
    expect(() => memory.visit({}, "assembly/Deep", () => recurse(0))).toThrow(/assembly\/Deep is nested too deeply/);
  });

  it("survive memory growth between allocations (views are re-read)", async () => {
    const { memory } = await instance();
    const before = memory.size;
    const strings = Array.from({ length: 64 }, (_, i) => String(i).repeat(32 * 1024));
    const ptr = planner.plan("~lib/array/Array<~lib/string/String>").lower(memory, strings);
    expect(memory.size).toBeGreaterThan(before);
    expect(planner.plan("~lib/array/Array<~lib/string/String>").lift(memory, ptr)).toEqual(strings);
    memory.release();
  });
});

describe("planning", () => {
  it("names a type that cannot cross", () => {
    expect(() => planner.plan("assembly/nowhere/Unknown")).toThrow("the type assembly/nowhere/Unknown cannot cross the Wasm boundary");
    expect(() => planner.plan("~lib/array/Array<assembly/nowhere/Unknown>")).toThrow(/has no class id for ~lib\/array\/Array<assembly\/nowhere\/Unknown>/);
  });

  it("plans a self-referencing type once, and terminates", () => {
    const node = planner.plan(T.node);
    expect(planner.plan(T.node)).toBe(node);
  });
});
