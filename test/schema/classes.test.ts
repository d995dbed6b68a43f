import { describe, expect, it } from "vitest";
import { array, field, fn, map, metadata, nullable, param, STRING, type } from "./fixtures/build";
import { body, validSchema } from "./valid";

const POINT = type("assembly/geo/Point", [field("x", "f64"), field("y", "f64")]);

describe("classes as input and output objects", () => {
  it("generates XInput from X for arguments and keeps X for results", () => {
    expect(body(metadata([fn("updatePoint", [param("p", "assembly/geo/Point")], "assembly/geo/Point")], [POINT]))).toBe(`
type Mutation {
  updatePoint(p: PointInput!): Point!
}

input PointInput {
  x: Float!
  y: Float!
}

type Point {
  x: Float!
  y: Float!
}
`);
  });

  it("uses a declared XInput class as the input type of X", () => {
    const md = metadata(
      [fn("savePoint", [param("p", "assembly/geo/Point")], "assembly/geo/Point")],
      [POINT, type("assembly/geo/PointInput", [field("x", "f64")])],
    );
    expect(body(md)).toContain("input PointInput {\n  x: Float!\n}\n");
    expect(body(md)).toContain("type Point {\n  x: Float!\n  y: Float!\n}\n");
  });

  it("keeps the name of an XInput class with no X, and names it X as a result", () => {
    const md = metadata(
      [fn("echoFilter", [param("f", "assembly/q/FilterInput")], "assembly/q/FilterInput")],
      [type("assembly/q/FilterInput", [field("term", STRING)])],
    );
    expect(body(md)).toBe(`
type Query {
  echoFilter(f: FilterInput!): Filter!
}

input FilterInput {
  term: String!
}

type Filter {
  term: String!
}
`);
  });

  it("follows nested and self-referencing classes, nullable or in lists", () => {
    const md = metadata(
      [fn("getTree", [param("root", "assembly/t/Node")], "assembly/t/Node")],
      [type("assembly/t/Node", [field("value", "i32"), field("children", array("assembly/t/Node")), field("parent", nullable("assembly/t/Node")), field("at", "assembly/geo/Point")]), POINT],
    );
    expect(body(md)).toBe(`
type Query {
  tree(root: NodeInput!): Node!
}

input NodeInput {
  value: Int!
  children: [NodeInput!]!
  parent: NodeInput
  at: PointInput!
}

input PointInput {
  x: Float!
  y: Float!
}

type Node {
  value: Int!
  children: [Node!]!
  parent: Node
  at: Point!
}

type Point {
  x: Float!
  y: Float!
}
`);
  });

  it("drops types no root field reaches, and output types only arguments reach", () => {
    const md = metadata([fn("addPoint", [param("p", "assembly/geo/Point")])], [POINT, type("assembly/x/Orphan", [field("a", STRING)])]);
    const sdl = body(md);
    expect(sdl).toContain("input PointInput");
    expect(sdl).not.toMatch(/type Point|Orphan/);
  });

  it("sorts fields and types case-insensitively", () => {
    const md = metadata(
      [fn("zeta", [], "assembly/b"), fn("Alpha", [], "assembly/A"), fn("beta", [], "assembly/C")],
      ["assembly/b", "assembly/A", "assembly/C"].map((n) => type(n, [field("v", "i32")])),
    );
    const sdl = body(md);
    expect(sdl.match(/^ {2}\w+/gm)!.slice(0, 3)).toEqual(["  alpha", "  beta", "  zeta"]);
    expect(sdl.match(/^type \w+/gm)).toEqual(["type Query", "type A", "type b", "type C"]);
  });
});

describe("maps as lists of pair types", () => {
  it("names pair types from key and value, marking nullable and list parts", () => {
    const md = metadata(
      [
        fn("getTags", [], map(STRING, nullable(STRING))),
        fn("getGroups", [], map(STRING, array("i32"))),
        fn("getMaybeGroups", [], map(STRING, nullable(array("i32")))),
        fn("setPoints", [param("m", map("i32", "assembly/geo/Point"))]),
      ],
      [POINT],
    );
    const schema = validSchema(md);
    expect(schema.sdl).toContain("tags: [StringNullableStringPair!]!");
    expect(schema.sdl).toContain("groups: [StringIntListPair!]!");
    expect(schema.sdl).toContain("maybeGroups: [StringNullableIntListPair!]!");
    expect(schema.sdl).toContain("setPoints(m: [IntPointPairInput!]!): Void");
    expect(schema.sdl).toContain("input IntPointPairInput {\n  key: Int!\n  value: PointInput!\n}\n");
    expect(schema.sdl).toContain("type StringNullableIntListPair {\n  key: String!\n  value: [Int!]\n}\n");
    expect(schema.mapTypes).toEqual(["StringIntListPair", "StringNullableIntListPair", "StringNullableStringPair"]);
  });
});

describe("the agents block", () => {
  const agentFns = [fn("_modus_agent_activate", [param("name", STRING), param("id", STRING), param("reloading", "bool")]), fn("hello", [], STRING)];

  const block = /\n\nscalar JSON\n\ntype AgentEvent \{\n[^}]*\}\n\ntype Subscription \{\n {2}agentEvent\(agentId: String!\): AgentEvent!\n\}\n$/;

  it("ends the schema of an app that exports the SDK's agent functions, which are not fields", () => {
    const { sdl, fields } = validSchema(metadata(agentFns));
    expect(sdl).toMatch(block);
    expect(fields.map((f) => f.functionName)).toEqual(["hello"]);
  });

  it("ends every other schema too, as Modus appends it unconditionally", () => {
    expect(validSchema(metadata([fn("hello", [], STRING)])).sdl).toMatch(block);
    expect(validSchema(metadata([])).sdl).toMatch(block);
  });
});
