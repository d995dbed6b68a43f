import { describe, expect, it } from "vitest";
import { createSchema, createYoga } from "graphql-yoga";
import { useJsonBody } from "../../../src/graphql/plugins/use-json-body";

const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { echo(text: String!): String! }", resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text } } }),
  maxRequestBodySize: false,
  plugins: [useJsonBody({ maxBytes: 100 })],
});

const body = (text: string) => JSON.stringify({ query: `{ echo(text: ${JSON.stringify(text)}) }` });
// A body with no Content-Length: it is counted as it arrives.
const streamed = (text: string, chunk = 10) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
      c.close();
    },
  });

async function post(payload: BodyInit, headers: Record<string, string> = {}) {
  const res = await yoga.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload, duplex: "half" } as RequestInit);
  return { status: res.status, body: await res.json() as any };
}

describe("useJsonBody", () => {
  it.each([
    ["with a Content-Length", (t: string) => [body(t), { "content-length": String(new TextEncoder().encode(body(t)).length) }] as const],
    ["streamed in chunks", (t: string) => [streamed(body(t)), {}] as const],
  ])("reads a body under the limit %s, in UTF-8", async (_, make) => {
    const [payload, headers] = make("héllo ✓");
    expect(await post(payload, headers)).toMatchObject({ status: 200, body: { data: { echo: "héllo ✓" } } });
  });

  it.each([
    ["by its Content-Length, before reading it", () => [body("x".repeat(200)), { "content-length": "250" }] as const],
    ["once more than the limit has arrived", () => [streamed(body("x".repeat(200))), {}] as const],
  ])("refuses a body over the limit %s (413)", async (_, make) => {
    const [payload, headers] = make();
    expect(await post(payload, headers)).toMatchObject({ status: 413, body: { errors: [{ message: "Request body too large" }] } });
  });

  it("refuses a Content-Length that is not one whole number (400)", async () => {
    const { status, body: reply } = await post(body("a"), { "content-length": "10, 10" });
    expect(status).toBe(400);
    expect(reply.errors[0].message).toBe("Content-Length header is invalid.");
  });

  it.each([
    ["invalid JSON", "{nope", "POST body sent invalid JSON."],
    ["a JSON string", '"query"', "POST body is expected to be object but received string"],
    ["JSON null", "null", "POST body is expected to be object but received null"],
  ])("answers %s with 400 and Yoga's message", async (_, payload, message) => {
    const { status, body: reply } = await post(payload, { accept: "application/json" });
    expect(status).toBe(400);
    expect(reply.errors[0].message).toBe(message);
  });
});
