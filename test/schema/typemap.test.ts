import { describe, expect, it } from "vitest";
import type { TypeDefinition } from "../../src/metadata/types";
import { convertType, pairTypeName } from "../../src/schema/convert";
import { transformTypes } from "../../src/schema/transform";
import { mapTypeArgs, typeName } from "../../src/schema/typemap";
import { field, STRING, type } from "./fixtures/build";

interface Case {
  as: string;
  /** GraphQL type as output, then as input (defaults to the output type). */
  out: string;
  in?: string;
  types?: TypeDefinition[];
  /** Names of the types in the table afterwards (classes, scalars, pair types), output then input. */
  adds?: string[];
  addsIn?: string[];
}

const USER = type("assembly/test/User", [field("firstName", STRING), field("lastName", STRING), field("age", "u8")]);
const FOO = type("assembly/test/Foo");

/** AssemblyScript type -> GraphQL type (Modus's Test_ConvertType_AssemblyScript, and more). */
const CASES: Case[] = [
  { as: STRING, out: "String!" },
  { as: "bool", out: "Boolean!" },
  { as: "i8", out: "Int!" },
  { as: "i16", out: "Int!" },
  { as: "i32", out: "Int!" },
  { as: "isize", out: "Int!" },
  { as: "u8", out: "Int!" },
  { as: "u16", out: "Int!" },
  { as: "f32", out: "Float!" },
  { as: "f64", out: "Float!" },
  { as: "u32", out: "UInt!", adds: ["UInt"] },
  { as: "usize", out: "UInt!", adds: ["UInt"] },
  { as: "i64", out: "Int64!", adds: ["Int64"] },
  { as: "u64", out: "UInt64!", adds: ["UInt64"] },
  { as: "~lib/date/Date", out: "Timestamp!", adds: ["Timestamp"] },
  { as: "~lib/wasi_date/wasi_Date", out: "Timestamp!", adds: ["Timestamp"] },
  { as: "~lib/date/Date | null", out: "Timestamp", adds: ["Timestamp"] },
  { as: "~lib/arraybuffer/ArrayBuffer", out: "String!" },
  { as: "~lib/typedarray/Uint8Array", out: "String!" },
  { as: "~lib/typedarray/Uint8ClampedArray", out: "String!" },
  { as: "~lib/array/Array<u8>", out: "String!" },
  { as: "~lib/array/Array<u8> | null", out: "String" },
  { as: "~lib/array/Array<i32>", out: "[Int!]!" },
  { as: "~lib/array/Array<~lib/string/String>", out: "[String!]!" },
  { as: "~lib/array/Array<~lib/array/Array<~lib/string/String>>", out: "[[String!]!]!" },
  { as: "~lib/array/Array<~lib/string/String|null>", out: "[String]!" },
  { as: "~lib/array/Array<~lib/string/String | null> | null", out: "[String]" },
  { as: "~lib/array/Array<i64>", out: "[Int64!]!", adds: ["Int64"] },
  { as: "~lib/string/String | null", out: "String" },
  { as: "~lib/string/String|null", out: "String" },
  { as: "(~lib/string/String | null)", out: "String" },
  { as: "assembly/test/User", out: "User!", in: "UserInput!", types: [USER], adds: ["User"], addsIn: ["UserInput"] },
  { as: "assembly/test/User | null", out: "User", in: "UserInput", types: [USER], adds: ["User"], addsIn: ["UserInput"] },
  { as: "assembly/test/Foo | null", out: "Foo", types: [FOO], adds: ["Foo"], addsIn: ["Foo"] },
  { as: "~lib/map/Map<~lib/string/String,~lib/string/String>", out: "[StringStringPair!]!", in: "[StringStringPairInput!]!", adds: ["StringStringPair"], addsIn: ["StringStringPairInput"] },
  { as: "~lib/map/Map<~lib/string/String,~lib/string/String|null>", out: "[StringNullableStringPair!]!", in: "[StringNullableStringPairInput!]!", adds: ["StringNullableStringPair"], addsIn: ["StringNullableStringPairInput"] },
  { as: "~lib/map/Map<i32,~lib/string/String>", out: "[IntStringPair!]!", in: "[IntStringPairInput!]!", adds: ["IntStringPair"], addsIn: ["IntStringPairInput"] },
  { as: "~lib/map/Map<~lib/string/String,i32> | null", out: "[StringIntPair!]", in: "[StringIntPairInput!]", adds: ["StringIntPair"], addsIn: ["StringIntPairInput"] },
  {
    as: "~lib/map/Map<~lib/string/String,~lib/map/Map<~lib/string/String,f32>>",
    out: "[StringStringFloatPairListPair!]!",
    in: "[StringStringFloatPairListPairInput!]!",
    adds: ["StringFloatPair", "StringStringFloatPairListPair"],
    addsIn: ["StringFloatPairInput", "StringStringFloatPairListPairInput"],
  },
  { as: "~lib/map/Map<~lib/string/String,~lib/array/Array<i32>>", out: "[StringIntListPair!]!", in: "[StringIntListPairInput!]!", adds: ["StringIntListPair"], addsIn: ["StringIntListPairInput"] },
  { as: "~lib/map/Map<~lib/string/String,~lib/array/Array<i32>|null>", out: "[StringNullableIntListPair!]!", in: "[StringNullableIntListPairInput!]!", adds: ["StringNullableIntListPair"], addsIn: ["StringNullableIntListPairInput"] },
  {
    as: "~lib/map/Map<~lib/string/String,assembly/test/User>",
    out: "[StringUserPair!]!",
    in: "[StringUserPairInput!]!",
    types: [USER],
    adds: ["StringUserPair", "User"],
    addsIn: ["StringUserPairInput", "UserInput"],
  },
  { as: "~lib/map/Map<i64,~lib/date/Date>", out: "[Int64TimestampPair!]!", in: "[Int64TimestampPairInput!]!", adds: ["Int64", "Int64TimestampPair", "Timestamp"], addsIn: ["Int64", "Int64TimestampPairInput", "Timestamp"] },
];

function convert(c: Case, forInput: boolean) {
  const types = Object.fromEntries((c.types ?? []).map((t) => [t.name, t]));
  const errors: string[] = [];
  const typeDefs = transformTypes(types, forInput, errors);
  expect(errors).toEqual([]);
  const gql = convertType(c.as, { typeDefs, forInput });
  return { gql, names: [...typeDefs.keys()].sort() };
}

describe("the AssemblyScript -> GraphQL type map", () => {
  it.each(CASES)("$as -> $out as output", (c) => {
    const { gql, names } = convert(c, false);
    expect(gql).toBe(c.out);
    expect(names).toEqual(c.adds ?? []);
  });

  it.each(CASES)("$as -> $out as input", (c) => {
    const { gql, names } = convert(c, true);
    expect(gql).toBe(c.in ?? c.out);
    expect(names).toEqual(c.addsIn ?? c.adds ?? []);
  });

  it("gives pair types key and value fields, nested maps as lists of pairs (Modus's expected type defs)", () => {
    const typeDefs = new Map();
    convertType("~lib/map/Map<~lib/string/String,~lib/map/Map<~lib/string/String,f32>>", { typeDefs, forInput: true });
    expect(typeDefs.get("StringStringFloatPairListPairInput")).toMatchObject({
      fields: [{ name: "key", type: "String!" }, { name: "value", type: "[StringFloatPairInput!]!" }],
      isMap: true,
    });
    expect(typeDefs.get("StringFloatPairInput")).toMatchObject({
      fields: [{ name: "key", type: "String!" }, { name: "value", type: "Float!" }],
      isMap: true,
    });
  });

  it("converts a class's fields for each direction", () => {
    const errors: string[] = [];
    const fields = (forInput: boolean) => transformTypes({ [USER.name]: USER }, forInput, errors).get(forInput ? "UserInput" : "User")?.fields;
    const expected = [{ name: "firstName", type: "String!" }, { name: "lastName", type: "String!" }, { name: "age", type: "Int!" }];
    expect(fields(false)).toMatchObject(expected);
    expect(fields(true)).toMatchObject(expected);
    expect(errors).toEqual([]);
  });

  it("rejects a class with no type definition", () => {
    expect(() => convertType("assembly/test/Missing", { typeDefs: new Map(), forInput: false })).toThrow(
      "unsupported type or missing type definition: assembly/test/Missing",
    );
  });
});

describe("map pair type names", () => {
  it.each([
    ["String!", "String!", false, "StringStringPair"],
    ["String!", "String", false, "StringNullableStringPair"],
    ["String", "Int!", true, "NullableStringIntPairInput"],
    ["String!", "[Int!]!", false, "StringIntListPair"],
    ["String!", "[Int!]", false, "StringNullableIntListPair"],
    ["String!", "PersonInput!", true, "StringPersonPairInput"],
    ["String!", "[PersonInput!]!", true, "StringPersonListPairInput"],
    // Modus assumes list elements are non-null and cuts two characters: kept for fidelity.
    ["String!", "[String]!", false, "StringStrinListPair"],
  ] as const)("key %s, value %s (input: %s) -> %s", (key, value, forInput, expected) => {
    expect(pairTypeName(key, value, forInput)).toBe(expected);
  });
});

describe("type name helpers", () => {
  it("names a type by the last segment of its path", () => {
    expect(typeName("assembly/models/Person")).toBe("Person");
    expect(typeName("assembly/models/Person | null")).toBe("Person");
    expect(typeName("~lib/array/Array<assembly/x/Item>")).toBe("Item[]");
    expect(typeName("~lib/map/Map<~lib/string/String,assembly/x/Item>")).toBe("Map<String,Item>");
  });

  it("splits map type arguments at the top-level comma", () => {
    expect(mapTypeArgs("~lib/map/Map<~lib/string/String,~lib/map/Map<i32,f64>>")).toEqual(["~lib/string/String", "~lib/map/Map<i32,f64>"]);
    expect(mapTypeArgs("~lib/map/Map<i32>")).toBeUndefined();
    expect(mapTypeArgs("~lib/array/Array<i32>")).toBeUndefined();
  });
});
