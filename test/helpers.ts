import { exports } from "cloudflare:workers";

/** Posts a GraphQL operation to the Worker's own fetch handler. */
export async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  init: { path?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await exports.default.fetch(`http://localhost${init.path ?? "/graphql"}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...init.headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}
