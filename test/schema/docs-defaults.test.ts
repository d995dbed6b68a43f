import { describe, expect, it } from "vitest";
import { goJson } from "../../src/schema/gojson";
import { array, field, fn, metadata, nullable, param, STRING, type } from "./fixtures/build";
import { body } from "./valid";

describe("doc comments", () => {
  it("become descriptions on root fields, types and their fields, in Modus's layout", () => {
    const md = metadata(
      [fn("getBook", [param("id", "i32")], "assembly/b/Book", ["Finds a book.", "Returns the first match."]), fn("addBook", [param("b", "assembly/b/Book")])],
      [type("assembly/b/Book", [field("title", STRING, ["The title."]), field("pages", "i32")], ["A book."])],
    );
    expect(body(md)).toBe(`
type Query {
  """
  Finds a book.
  Returns the first match.
  """
  book(id: Int!): Book!
}

type Mutation {
  addBook(b: BookInput!): Void
}

scalar Void

"""
A book.
"""
input BookInput {
  """
  The title.
  """
  title: String!
  pages: Int!
}

"""
A book.
"""
type Book {
  """
  The title.
  """
  title: String!
  pages: Int!
}
`);
  });
});

describe("default values", () => {
  it("are written after the argument type as Go's JSON", () => {
    const md = metadata([
      fn("search", [
        param("q", STRING, "say \"hi\"\n"),
        param("limit", "i32", 10),
        param("ratio", "f64", 0.5),
        param("exact", "bool", false),
        param("tag", nullable(STRING), null),
        param("ids", array("i32"), [1, 2, 3]),
        param("words", array(STRING), ["a<b", "c&d"]),
        param("none", nullable(array(STRING))),
      ], STRING),
    ]);
    expect(body(md)).toContain(
      'search(q: String! = "say \\"hi\\"\\n", limit: Int! = 10, ratio: Float! = 0.5, exact: Boolean! = false, tag: String = null, ids: [Int!]! = [1,2,3], words: [String!]! = ["a<b","c&d"], none: [String!]): String!',
    );
  });

  it.each([
    [null, "null"],
    [true, "true"],
    [0, "0"],
    [-0, "-0"],
    [1.5, "1.5"],
    [1e21, "1e+21"],
    [1e-7, "1e-7"],
    [123456789012, "123456789012"],
    ["", '""'],
    ['a"b', '"a\\"b"'],
    ["back\\slash", '"back\\\\slash"'],
    ["tab\tnl\ncr\r", '"tab\\tnl\\ncr\\r"'],
    ["\b\f\u0001\u001f", '"\\u0008\\u000c\\u0001\\u001f"'],
    ["<html> & \u2028", '"<html> & \u2028"'],
    ["lone \ud800", '"lone \ufffd"'],
    ["pair \ud83d\ude00", '"pair \ud83d\ude00"'],
    [[], "[]"],
    [[1, "two", null, [3]], '[1,"two",null,[3]]'],
    [{ b: 1, a: [true] }, '{"a":[true],"b":1}'],
  ] as const)("goJson(%j) is %s", (value, expected) => {
    expect(goJson(value)).toBe(expected);
  });
});
