// The guest's Dgraph Request as one HTTP request: a read-only /query, or a
// /mutate?commitNow=true carrying the query and every mutation (an upsert).
import { DataError } from "../connections";
import { inlineVariables } from "./dql";

/** A Dgraph request as the ABI lifts it (maps arrive as key/value pairs). */
export interface GuestDgraphRequest {
  query: { query: string; variables: { key: string; value: string }[] | null } | null;
  mutations: { setJson: string; delJson: string; setNquads: string; delNquads: string; condition: string }[] | null;
}

export interface HttpCall {
  path: string;
  contentType: string;
  body: string;
}

/**
 * The HTTP call for a guest request, or DataError when it cannot be expressed
 * over Dgraph's HTTP API (JSON and N-Quads mutations mixed in one request).
 *
 * @example toHttpCall({ query: { query: "{ q(func: has(name)) { name } }", variables: [] }, mutations: [] })
 */
export function toHttpCall(request: GuestDgraphRequest): HttpCall {
  const query = request.query?.query ?? "";
  const variables = Object.fromEntries((request.query?.variables ?? []).map((p) => [p.key, p.value]));
  const mutations = request.mutations ?? [];
  if (!mutations.length) {
    if (!query.trim()) throw new DataError("no query or mutations provided");
    return { path: "/query?ro=true", contentType: "application/json", body: JSON.stringify({ query, variables }) };
  }
  let upsertQuery: string | undefined;
  if (query.trim()) {
    try {
      upsertQuery = Object.keys(variables).length ? inlineVariables(query, variables) : query.slice(query.indexOf("{"));
    } catch (err) {
      throw new DataError(`the query cannot be sent with mutations: ${(err as Error).message}`);
    }
  }
  const nquads = mutations.some((m) => m.setNquads || m.delNquads);
  const json = mutations.some((m) => m.setJson || m.delJson);
  if (nquads && json) throw new DataError("JSON and N-Quads mutations cannot be mixed in one request over Dgraph's HTTP API");
  const path = "/mutate?commitNow=true";
  if (json) {
    const parse = (text: string, what: string) => {
      try {
        return JSON.parse(text);
      } catch {
        throw new DataError(`the mutation's ${what} is not valid JSON`);
      }
    };
    const body = {
      ...(upsertQuery ? { query: upsertQuery } : {}),
      mutations: mutations.map((m) => ({
        ...(m.setJson ? { set: parse(m.setJson, "setJson") } : {}),
        ...(m.delJson ? { delete: parse(m.delJson, "delJson") } : {}),
        ...(m.condition ? { cond: m.condition } : {}),
      })),
    };
    return { path, contentType: "application/json", body: JSON.stringify(body) };
  }
  const block = (m: (typeof mutations)[number]) =>
    (m.setNquads ? `    set {\n${m.setNquads}\n    }\n` : "") + (m.delNquads ? `    delete {\n${m.delNquads}\n    }\n` : "");
  if (upsertQuery) {
    const blocks = mutations.map((m) => `  mutation${m.condition ? " " + m.condition : ""} {\n${block(m)}  }\n`).join("");
    return { path, contentType: "application/rdf", body: `upsert {\n  query ${upsertQuery}\n${blocks}}` };
  }
  if (mutations.some((m) => m.condition)) throw new DataError("a mutation condition needs a query (an upsert)");
  // Without a query there is no upsert block: one mutation carries every triple.
  const merged = {
    setJson: "",
    delJson: "",
    condition: "",
    setNquads: mutations.map((m) => m.setNquads).filter(Boolean).join("\n"),
    delNquads: mutations.map((m) => m.delNquads).filter(Boolean).join("\n"),
  };
  return { path, contentType: "application/rdf", body: `{\n${block(merged)}}` };
}
