// Talks to the collections test Worker (test/collections/worker.ts, the
// project's main) through its own fetch handler, as a client would over HTTP.
import { gql, ok } from "../support/self-graphql";

export { gql, ok };

const HIT = "namespace key text labels distance score";

/** Upserts texts under keys (one request, one embedder call per embedder). */
export async function addTexts(collection: string, keys: string[], texts: string[], opts: { labels?: string[][]; namespace?: string } = {}) {
  const data = await ok(
    `mutation($c: String!, $k: [String!]!, $t: [String!]!, $l: [[String!]!]!, $ns: String!) {
      addTexts(collection: $c, keys: $k, texts: $t, labels: $l, namespace: $ns) { collection status error operation keys }
    }`,
    { c: collection, k: keys, t: texts, l: opts.labels ?? [], ns: opts.namespace ?? "" },
  );
  return data.addTexts;
}

/** Searches by text; answers the whole result (status, error, objects). */
export async function search(collection: string, method: string, text: string, limit: number, namespaces: string[] = []) {
  const body = await gql(
    `query($c: String!, $m: String!, $t: String!, $n: Int!, $ns: [String!]!) {
      searchTexts(collection: $c, method: $m, text: $t, limit: $n, namespaces: $ns) { collection status error searchMethod objects { ${HIT} } }
    }`,
    { c: collection, m: method, t: text, n: limit, ns: namespaces },
  );
  return { ...body.data?.searchTexts, errors: body.errors };
}

/** The messages of a response's errors (a failed host call's reason is one of them, logged at level error). */
export const messages = (body: { errors?: { message: string }[] }): string[] => (body.errors ?? []).map((e) => e.message);
