import { describe, expect, it } from "vitest";
import { AbiError } from "../../src/wasm/errors";
import { call } from "./harness";

const MIXED = { a: 255, b: -(2n ** 63n), c: 65535, d: 1.5, e: true, f: "f", g: -32768, h: -0.125, i: 2n ** 64n - 1n };
const ADA = {
  name: "Ada",
  age: 36,
  id: 1815n,
  tags: ["mathematician", "poet"],
  friend: { name: "Charles", age: 45, id: 1791n, tags: [], friend: null },
};

describe("classes laid out from metadata", () => {
  it("lift with declared fields in declaration order", async () => {
    const mixed = await call("makeMixed");
    expect(mixed).toStrictEqual(MIXED);
    expect(Object.keys(mixed as object)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
  });

  it("lower every field at its aligned offset (the guest checks each)", async () => {
    expect(await call("checkMixed", MIXED)).toBe(true);
    expect(await call("mixedFields", { ...MIXED, f: null, e: false })).toBe(
      "255|-9223372036854775808|65535|1.5|false|null|-32768|-0.125|18446744073709551615",
    );
  });

  it.each([
    ["identityMixed", MIXED],
    ["identityMixed", { a: 0, b: 0n, c: 0, d: 0, e: false, f: null, g: 0, h: 0, i: 0n }],
    ["identityPerson", ADA],
    ["identityPoint", { x: -1.5, y: 1e300 }],
    ["identityNode", { value: 1, next: { value: 2, next: null } }],
    ["identityTree", { label: "root", children: [{ label: "a", children: [] }, { label: "b", children: [{ label: "c", children: [] }] }] }],
    ["identityArrayMixed", [MIXED, { ...MIXED, f: null }]],
  ])("%s case %# round-trips", async (fn, value) => {
    expect(await call(fn, value)).toStrictEqual(value);
  });

  it("handles nested classes, arrays of classes, dates and maps as fields", async () => {
    const outer = {
      inner: { ...MIXED, a: 1 },
      points: [{ x: 1, y: 2 }, { x: 3, y: 4 }],
      when: new Date(86400000),
      lookup: [{ key: "k", value: 9 }],
    };
    expect(await call("checkOuter", outer)).toBe(true);
    expect(await call("identityOuter", outer)).toStrictEqual(outer);
  });

  it("checks a nested object graph inside the guest", async () => {
    expect(await call("checkPerson", ADA)).toBe(true);
    expect(await call("identityNullablePerson", null)).toBeNull();
    expect(await call("identityArrayPerson", [ADA, ADA])).toStrictEqual([ADA, ADA]);
  });

  it("lifts a shared object (a DAG, not a cycle) as equal copies", async () => {
    const shared = { name: "same", age: 0, id: 0n, tags: [], friend: null };
    const lifted = (await call("makeShared")) as object[];
    expect(lifted).toStrictEqual([shared, shared]);
    // Copies, not one object twice: a caller changing one does not change the other.
    expect(lifted[0]).not.toBe(lifted[1]);
  });

  it("moves a 1,000-node self-referencing list both ways", async () => {
    const list = (await call("makeList", 1000)) as { value: number; next: unknown };
    let n = 0;
    for (let cur: any = list; cur; cur = cur.next) expect(cur.value).toBe(n++);
    expect(n).toBe(1000);
    expect(await call("listLength", list)).toBe(1000);
  });
});

describe("class errors name the type", () => {
  it("a missing non-nullable field", async () => {
    const { name: _, ...noName } = ADA;
    await expect(call("identityPerson", noName)).rejects.toThrow(/assembly\/classes\/Person\.name: null given for non-nullable ~lib\/string\/String/);
    await expect(call("identityPoint", { x: 1 })).rejects.toThrow(/assembly\/classes\/Point\.y: undefined is not a valid f64/);
  });
  it("a value that is not an object", async () => {
    await expect(call("identityPoint", [1, 2])).rejects.toThrow(/an array of 2 is not an object, as assembly\/classes\/Point needs/);
  });
  it("a cyclic object graph on lower", async () => {
    const node: { value: number; next: unknown } = { value: 1, next: null };
    node.next = node;
    await expect(call("identityNode", node)).rejects.toThrow(AbiError);
    await expect(call("identityNode", node)).rejects.toThrow(/cyclic value: a assembly\/classes\/Node contains itself/);
    const tree: { label: string; children: unknown[] } = { label: "t", children: [] };
    tree.children.push(tree);
    await expect(call("identityTree", tree)).rejects.toThrow(/cyclic value: a assembly\/classes\/Tree contains itself/);
  });
  it("a cycle on lift (a node pointing at itself)", async () => {
    await expect(call("makeCycle")).rejects.toThrow(AbiError);
    await expect(call("makeCycle")).rejects.toThrow(/cyclic value: a assembly\/classes\/Node contains itself/);
  });
  it("a list deeper than the nesting limit fails cleanly, not with a stack overflow", async () => {
    await expect(call("makeList", 5000)).rejects.toThrow(/assembly\/classes\/Node is nested more than 1000 levels deep/);
  });
});
