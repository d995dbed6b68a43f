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

  it("answers the agentEvent subscription Modus declares with an error that says it is not served", async () => {
    const { status, body } = await graphql(`subscription { agentEvent(agentId: "a1") { name data } }`);
    expect(status).toBe(200);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "agentEvent: agent events are not served by this runtime yet",
        extensions: expect.objectContaining({ code: "NOT_IMPLEMENTED" }),
      }),
    ]);
  });

  it("answers the subscription over server-sent events with the same error", async () => {
    const res = await request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: `subscription { agentEvent(agentId: "a1") { name } }` }),
    });
    expect(res.text).toContain("agent events are not served by this runtime yet");
    expect(res.text).toContain("NOT_IMPLEMENTED");
  });
});

describe("GET /health", () => {
  it("counts the app's functions (the root fields it serves)", async () => {
    const { fields } = generateSchema(readMetadata(wasm));
    expect((await request("/health")).body.functions).toBe(fields.length);
  });
});
