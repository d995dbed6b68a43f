import { describe, expect, it } from "vitest";
import { array, field, fn, metadata, nullable, param, STRING, type } from "./fixtures/build";
import { body, validSchema } from "./valid";

describe("custom scalars", () => {
  it("declares none when only GraphQL's own scalars are used", () => {
    expect(body(metadata([fn("echo", [param("s", STRING), param("n", "i32")], STRING)]))).not.toContain("scalar");
  });

  it.each([
    ["i64", "Int64"],
    ["u64", "UInt64"],
    ["u32", "UInt"],
    ["~lib/date/Date", "Timestamp"],
  ])("declares %s's scalar %s only when used", (asType, scalar) => {
    expect(body(metadata([fn("echo", [param("x", asType)], asType)]))).toBe(`
type Query {
  echo(x: ${scalar}!): ${scalar}!
}

scalar ${scalar}
`);
  });

  it("declares Void for a function that returns nothing", () => {
    expect(body(metadata([fn("ping")]))).toBe("\ntype Query {\n  ping: Void\n}\n\nscalar Void\n");
  });

  it("declares a scalar used only inside a class", () => {
    const md = metadata([fn("getEvent", [], "assembly/Event")], [type("assembly/Event", [field("at", "~lib/date/Date"), field("n", "u64")])]);
    expect(body(md)).toBe(`
type Query {
  event: Event!
}

scalar Timestamp
scalar UInt64

type Event {
  at: Timestamp!
  n: UInt64!
}
`);
  });

  it("turns a class with no fields into a scalar, in both directions", () => {
    const md = metadata(
      [fn("roundTrip", [param("x", "assembly/Opaque"), param("y", nullable("assembly/Opaque"))], "assembly/Opaque")],
      [type("assembly/Opaque", [])],
    );
    expect(body(md)).toBe(`
type Query {
  roundTrip(x: Opaque!, y: Opaque): Opaque!
}

scalar Opaque
`);
  });

  it("names a field-less class inside an input object by its scalar name (Modus would write OpaqueInput)", () => {
    const md = metadata(
      [fn("wrap", [param("w", "assembly/Wrapper")])],
      [type("assembly/Wrapper", [field("inner", "assembly/Opaque"), field("list", array("assembly/Opaque"))]), type("assembly/Opaque")],
    );
    expect(body(md)).toContain("input WrapperInput {\n  inner: Opaque!\n  list: [Opaque!]!\n}\n");
  });

  it("like Modus, declares scalars of metadata types no function reaches", () => {
    // The transform records the classes of host-function imports too (http's Headers, ...).
    const md = metadata([fn("hello", [], STRING)], [type("assembly/Unused", [field("n", "i64")]), type("assembly/Empty")]);
    expect(body(md)).toBe("\ntype Query {\n  hello: String!\n}\n\nscalar Empty\nscalar Int64\n");
  });

  it("like Modus, declares Uint8Array when the metadata lists it, though its fields read as String", () => {
    // Modus's SDK lists ~lib/typedarray/Uint8Array (field-less) for any app whose
    // classes hold bytes (its http example's Image.data), and Modus declares it.
    const md = metadata(
      [fn("getImage", [], "assembly/Image")],
      [type("assembly/Image", [field("contentType", STRING), field("data", "~lib/typedarray/Uint8Array")]), type("~lib/typedarray/Uint8Array")],
    );
    expect(body(md)).toBe(
      "\ntype Query {\n  image: Image!\n}\n\nscalar Uint8Array\n\ntype Image {\n  contentType: String!\n  data: String!\n}\n",
    );
  });

  it("like Modus, counts the types of hidden functions", () => {
    expect(body(metadata([fn("hello", [], STRING), fn("_internal", [param("n", "i64")])]))).toBe(
      "\ntype Query {\n  hello: String!\n}\n\nscalar Int64\nscalar Void\n",
    );
  });
});
