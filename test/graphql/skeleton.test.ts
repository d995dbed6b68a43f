import { describe, expect, it } from "vitest";
import { graphql } from "../helpers";

describe("the example app over GraphQL", () => {
  it("answers sayHello with the function's greeting", async () => {
    const { status, body } = await graphql(`{ sayHello(name: "edge") }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ sayHello: "Hello, edge!" });
    expect(body.errors).toBeUndefined();
  });

  it("answers add (a mutation by Modus's prefix rule)", async () => {
    const { body } = await graphql(`mutation { add(a: 40, b: 2) }`);
    expect(body.data).toEqual({ add: 42 });
  });

  it("reports a malformed query as a GraphQL syntax error with status 400", async () => {
    const { status, body } = await graphql(`{ sayHello(name: "edge" `);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/^Syntax Error: /);
    expect(body.data).toBeUndefined();
  });

  it("names the unknown field in a validation error", async () => {
    const { status, body } = await graphql(`{ nosuchField }`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('Cannot query field "nosuchField" on type "Query".');
  });

  it("gives every request a fresh instance: a module global never carries over", async () => {
    const first = await graphql(`{ countCalls }`);
    const second = await graphql(`{ countCalls }`);
    expect(first.body.data).toEqual({ countCalls: 1 });
    expect(second.body.data).toEqual({ countCalls: 1 });
  });

  it("runs each root field of one operation in its own instance", async () => {
    const { body } = await graphql(`{ a: countCalls b: countCalls c: countCalls }`);
    expect(body.data).toEqual({ a: 1, b: 1, c: 1 });
    expect(Object.keys(body.extensions.invocations)).toEqual(["a", "b", "c"]);
    const ids = new Set(Object.values(body.extensions.invocations).map((i: any) => i.executionId));
    expect(ids.size).toBe(3);
  });
});
