import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import wasm from "../../build/app.wasm";
import { readMetadata } from "../../src/metadata/read";
import { generateSchema } from "../../src/schema/generate";
import { graphql, request } from "../helpers";

// The schema clients see, read back by introspection as an explorer reads it.
async function served() {
  const { body } = await graphql(getIntrospectionQuery({ descriptions: true }));
  return buildClientSchema(body.data as IntrospectionQuery);
}

describe("the served schema", () => {
  it("is exactly the generated SDL: the server adds no descriptions or types of its own", async () => {
    const { sdl } = generateSchema(readMetadata(wasm));
    expect(printSchema(await served())).toBe(printSchema(buildSchema(sdl)));
  });

  it("declares its scalars bare, as Modus does", async () => {
    const schema = await served();
    for (const name of ["Int64", "Timestamp", "JSON"]) {
      expect(schema.getType(name), name).toBeDefined();
      expect(schema.getType(name)!.description, name).toBeFalsy();
    }
  });

  it("refuses the agentEvent subscription without Accept: text/event-stream, with Modus's 400", async () => {
    const { status, body } = await graphql(`subscription { agentEvent(agentId: "a1") { name data } }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Subscriptions use SSE (Server-Sent Events). Requests must accept 'text/event-stream' for SSE responses.",
      }),
    ]);
  });

  it("serves the subscription over server-sent events: an unknown agent answers Modus's error, then completes", async () => {
    const res = await request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: `subscription { agentEvent(agentId: "a1") { name } }` }),
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.text).toContain('event: next\ndata: {"errors":[{"message":"agent a1 not found"');
    expect(res.text).toMatch(/event: complete\ndata:\s*$/);
  });
});

describe("GET /health", () => {
  it("counts the app's functions (the root fields it serves)", async () => {
    const { fields } = generateSchema(readMetadata(wasm));
    expect((await request("/health")).body.functions).toBe(fields.length);
  });
});
