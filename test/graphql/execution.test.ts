import { describe, expect, it } from "vitest";
import { graphql, request } from "../helpers";

describe("calling functions", () => {
  it("fills missing arguments from the function's defaults", async () => {
    const { body } = await graphql(`{ a: greet b: greet(name: "edge") c: greet(punctuation: "?") d: greet(times: 2) }`);
    expect(body.data).toEqual({ a: "Hello, world!", b: "Hello, edge!", c: "Hello, world?", d: "Hello, world!Hello, world!" });
  });

  it("returns a function's log lines under extensions.invocations, errors as GraphQL errors beside the data", async () => {
    const { status, body } = await graphql(`{ logAtEveryLevel }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ logAtEveryLevel: "logged" });
    const invocation = body.extensions.invocations.logAtEveryLevel;
    expect(invocation.executionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(invocation.logs).toEqual([
      { message: "a plain line" },
      { level: "debug", message: "a debug line" },
      { level: "info", message: "an info line" },
      { level: "warning", message: "a warning line" },
    ]);
    expect(body.errors).toEqual([{ message: "an error line", path: ["logAtEveryLevel"], extensions: { level: "error" } }]);
  });

  it("reports an abort with its message and source location, while other fields still answer", async () => {
    const { status, body } = await graphql(`{ ok: describePositive(n: 3) bad: describePositive(n: -1) hello: sayHello(name: "x") }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ ok: "3 is positive", bad: null, hello: "Hello, x!" });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ["bad"], extensions: { code: "FUNCTION_ERROR", level: "fatal" } });
    expect(body.errors[0].message).toMatch(/^n must be positive, got -1 at assembly\/index\.ts:\d+:\d+$/);
    expect(Object.keys(body.extensions.invocations).sort()).toEqual(["bad", "hello", "ok"]);
  });

  it("keeps a field's own error and another field's logged error apart, each on its path", async () => {
    const { body } = await graphql(`{ bad: describePositive(n: -1) logged: logAtEveryLevel }`);
    expect(body.data).toEqual({ bad: null, logged: "logged" });
    expect(body.errors.map((e: any) => [e.path[0], e.extensions.level])).toEqual([
      ["bad", "fatal"],
      ["logged", "error"],
    ]);
  });

  it("nulls the whole result when a non-null field aborts, as GraphQL requires, and still names the abort", async () => {
    const { status, body } = await graphql(`{ ok: checkPositive(n: 3) bad: checkPositive(n: 0) }`);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/^n must be positive, got 0 at assembly\/index\.ts:\d+:\d+$/);
  });

  it("returns lists", async () => {
    const { body } = await graphql(`{ repeats(word: "ha", count: 3) }`);
    expect(body.data).toEqual({ repeats: ["ha", "ha", "ha"] });
  });

  it("honours X-Time-Zone in the time functions", async () => {
    const tokyo = await graphql(`{ localTime }`, undefined, { headers: { "X-Time-Zone": "Asia/Tokyo" } });
    expect(tokyo.body.data.localTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+09:00$/);
    const utc = await graphql(`{ localTime }`);
    expect(utc.body.data.localTime).toMatch(/Z$/);
    const bad = await graphql(`{ localTime }`, undefined, { headers: { "X-Time-Zone": "Mars/Olympus" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toBe('X-Time-Zone: unknown time zone "Mars/Olympus"');
  });
});

describe("GraphQL over HTTP", () => {
  const url = "/graphql";

  it("answers GET with the query in the URL", async () => {
    const res = await request(`${url}?query=${encodeURIComponent('{ sayHello(name: "get") }')}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/graphql-response+json");
    expect(res.body.data).toEqual({ sayHello: "Hello, get!" });
  });

  it("refuses a mutation over GET with 405", async () => {
    const res = await request(`${url}?query=${encodeURIComponent("mutation { add(a: 1, b: 2) }")}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(res.status).toBe(405);
    expect(res.body.errors[0].message).toBe("Can only perform a mutation operation from a POST request.");
  });

  it("speaks application/json to clients that ask for it", async () => {
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ nosuch }" }),
    });
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      errors: [{ message: 'Cannot query field "nosuch" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    });
  });

  it("refuses batched requests", async () => {
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ countCalls }" }, { query: "{ countCalls }" }]),
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: "Batching is not supported.", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("serves introspection", async () => {
    const { body } = await graphql(`{ __schema { queryType { name } mutationType { name } } }`);
    expect(body.data).toEqual({ __schema: { queryType: { name: "Query" }, mutationType: { name: "Mutation" } } });
  });

  it("names a bad argument type", async () => {
    const { status, body } = await graphql(`{ sayHello(name: 42) }`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("String cannot represent a non string value: 42");
  });
});

describe("operation limits", () => {
  it("refuses an operation selecting too many fields, before running anything", async () => {
    const fields = Array.from({ length: 1001 }, (_, i) => `f${i}: countCalls`).join(" ");
    const { status, body } = await graphql(`query Wide { ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('Operation "Wide" selects 1001 fields; the limit is 1000.');
    expect(body.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("lets the standard introspection query through (introspection fields are not counted)", async () => {
    const { status, body } = await graphql(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const query = body.data.__schema.types.find((t: any) => t.name === "Query");
    expect(query.fields.find((f: any) => f.name === "sayHello").type).toMatchObject({ name: null, ofType: { name: "String" } });
  });
});
