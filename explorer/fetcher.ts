import type { GraphiQLProps } from "graphiql";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * A GraphiQL fetcher for one endpoint of this Worker: a plain POST carrying
 * the headers from GraphiQL's headers editor (where a bearer token goes).
 *
 * @example <GraphiQL fetcher={httpFetcher({ path: "/graphql" })} />
 */
export function httpFetcher({ path }: { path: string }): Fetcher {
  return async (params, opts) => {
    const res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...opts?.headers },
      body: JSON.stringify(params),
    });
    // Errors come back as GraphQL JSON (401s too): show them as the answer.
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `${path} answered ${res.status}: ${text.slice(0, 200)}` }] };
    }
  };
}
