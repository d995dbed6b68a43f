import { describe, expect, it } from "vitest";
import { generateSchema, SchemaError } from "../../src/schema/generate";
import { array, field, fn, map, metadata, param, STRING, type } from "./fixtures/build";

const failure = (md: ReturnType<typeof metadata>): SchemaError => {
  try {
    generateSchema(md);
  } catch (e) {
    expect(e).toBeInstanceOf(SchemaError);
    return e as SchemaError;
  }
  throw new Error("expected a SchemaError");
};

describe("schema errors", () => {
  it("names the function and the argument type at fault", () => {
    expect(failure(metadata([fn("lookup", [param("k", "assembly/x/Missing")], STRING)])).message).toBe(
      "function lookup: unsupported type or missing type definition: assembly/x/Missing",
    );
  });

  it("names the function and the result type at fault", () => {
    expect(failure(metadata([fn("getSet", [], "~lib/set/Set<i32>")])).message).toBe(
      "function getSet: unsupported type or missing type definition: ~lib/set/Set<i32>",
    );
  });

  it("reports every failing function, hidden ones included (as Modus converts them all)", () => {
    const md = metadata([fn("a", [param("x", "assembly/x/Nope")]), fn("_b", [], "assembly/x/Nada")]);
    expect(failure(md).message.split("\n")).toEqual([
      "function _b: unsupported type or missing type definition: assembly/x/Nada",
      "function a: unsupported type or missing type definition: assembly/x/Nope",
    ]);
  });

  it("names the type and field whose type no one defines, when a function reaches it", () => {
    const md = metadata([fn("getBox", [], "assembly/x/Box")], [type("assembly/x/Box", [field("items", array("assembly/x/Ghost"))])]);
    expect(failure(md).message).toBe("type assembly/x/Box, field items: unsupported type or missing type definition: ~lib/array/Array<assembly/x/Ghost>");
  });

  it("ignores an undefined field type in a class no function reaches", () => {
    const md = metadata([fn("hello", [], STRING)], [type("assembly/x/Box", [field("items", "assembly/x/Ghost")])]);
    expect(generateSchema(md).sdl).not.toContain("Box");
  });

  it("names a malformed map type", () => {
    expect(failure(metadata([fn("getM", [], "~lib/map/Map<i32>")])).message).toBe("function getM: malformed map type: ~lib/map/Map<i32>");
  });

  it("rejects a map whose pair type name GraphQL does not allow", () => {
    const md = metadata([fn("getGrid", [], map(STRING, array(array("i32"))))]);
    expect(failure(md).message).toContain('"String[Int!]ListPair" is not a valid GraphQL type name');
  });

  it("rejects two functions that become the same field", () => {
    expect(failure(metadata([fn("getFoo", [], STRING), fn("foo", [], STRING)])).message).toBe(
      "functions foo and getFoo both become the field foo",
    );
  });

  it("rejects a field name GraphQL does not allow", () => {
    expect(failure(metadata([fn("get2", [], STRING)])).message).toBe('function get2: "2" is not a valid GraphQL field name');
  });
});
