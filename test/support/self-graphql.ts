// GraphQL over the project's own fetch handler (whichever Worker the vitest
// project's `main` is), as a client would send it over HTTP.
import { exports } from "cloudflare:workers";
import { recordResponse } from "./secret-scan";

/** The Worker under test: the vitest project's `main`. */
export const self = () => (exports as unknown as { default: Fetcher }).default;

/** Posts a GraphQL operation; returns the parsed body. */
export async function gql(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[]; status: number }> {
  const res = await self().fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  recordResponse(text);
  return { ...JSON.parse(text), status: res.status };
}

/** Like {@link gql}, but fails the test on any error and returns `data`. */
export async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const body = await gql(query, variables);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
