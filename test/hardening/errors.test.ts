// Finding 7: user-caused failures answered masked INTERNAL_SERVER_ERROR or
// BAD_USER_INPUT. Each now says whose fault it is and names the thing at fault.
import { describe, expect, it } from "vitest";
import { query, send } from "./worker";

const fieldError = async (source: string) => {
  const { status, body } = await query(source);
  expect(status).toBe(200);
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  return body.errors[0];
};

describe("the function's faults are FUNCTION_ERROR", () => {
  it("a stack overflow", async () => {
    expect(await fieldError("{ recurse(depth: 10000000) }")).toEqual({
      message: "function recurse overflowed the stack (recursion too deep)",
      path: ["recurse"],
      extensions: { code: "FUNCTION_ERROR", level: "fatal" },
    });
  });

  it.each([
    ["infinity", "function infinity returned a value that cannot be sent: the f64 value Infinity (not finite) has no GraphQL representation"],
    ["badRatio { name value }", "function badRatio returned a value that cannot be sent: assembly/results/Ratio.value: the f64 value NaN (not finite) has no GraphQL representation"],
    ["nullString", "function nullString returned a value that cannot be sent: null found for non-nullable ~lib/string/String"],
    ["nullName { name age }", "function nullName returned a value that cannot be sent: assembly/results/Person.name: null found for non-nullable ~lib/string/String"],
  ])("a result GraphQL cannot carry: %s", async (field, message) => {
    const error = await fieldError(`{ ${field} }`);
    expect(error).toEqual({ message, path: [field.split(" ")[0]], extensions: { code: "FUNCTION_ERROR", level: "fatal" } });
  });
});

describe("the request's faults are 400s", () => {
  it("a query nested 5,000 levels deep", async () => {
    const deep = `{ ${"a { ".repeat(5000)}b${" }".repeat(5000)} }`;
    const { status, body } = await send("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: deep }),
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: "The document is nested more than 100 levels deep; the limit is 100.", extensions: { code: "QUERY_TOO_COMPLEX" } },
    ]);
  });

  it("nesting in strings and comments does not count", async () => {
    const { body } = await query(`{ work(n: 1) } # ${"{".repeat(500)}`);
    expect(body.errors).toBeUndefined();
  });
});

describe("a guest's bad header", () => {
  const url = "https://vault.example.com/echo/api/h";
  it.each([
    ["X-Bad", "a\r\nInjected: 1", 'header "X-Bad" has a value with a line break (CR, LF or NUL), which HTTP does not allow'],
    ["X-Bad", "a\nb", 'header "X-Bad" has a value with a line break (CR, LF or NUL), which HTTP does not allow'],
    ["Bad Name", "x", 'header name "Bad Name" is not a valid HTTP header name'],
  ])("%j: %j is refused with an error naming it", async (name, value, why) => {
    const { body } = await query(`{ fetchWithHeader(url: ${JSON.stringify(url)}, name: ${JSON.stringify(name)}, value: ${JSON.stringify(value)}) }`);
    expect(body.errors).toContainEqual({ message: `http.fetch ${url}: ${why}`, path: ["fetchWithHeader"], extensions: { level: "error" } });
    expect(body.errors.map((e: { extensions: { code?: string } }) => e.extensions.code)).not.toContain("INTERNAL_SERVER_ERROR");
  });
});
