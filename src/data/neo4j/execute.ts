// modus_neo4j_client.executeQuery over Neo4j's HTTP Query API
// (POST /db/{db}/query/v2), answering the EagerResult the SDK reads.
import type { CallContext } from "../../wasm/context";
import type { Env, Neo4jConnection } from "../../manifest/types";
import { connectionSecrets, DataError, findConnection, redact, resolveField } from "../connections";
import { withOrigin } from "../origin";
import { fetchChecked, refuseRedirects } from "../../outbound/fetch";
import { goValue, type Typed } from "./values";

const DEFAULT_TIMEOUT_MS = 30_000;

/** The guest's EagerResult: column names and each record's values as JSON text. */
export interface GuestEagerResult {
  keys: string[];
  records: { keys: string[]; values: string[] }[];
}

/**
 * The Query API's base URL for a Bolt URI: neo4j:// and bolt:// on port 7687
 * become http on 7474; the +s / +ssc schemes https on 7473 (or the default
 * port when none is given, as Aura's URIs have none).
 *
 * @example queryApiBase("neo4j+s://abc.databases.neo4j.io") // "https://abc.databases.neo4j.io"
 */
export function queryApiBase(dbUri: string): string {
  const url = new URL(dbUri.replace(/^[a-z0-9+]+:/i, "http:"));
  const secure = /\+s(sc)?:/.test(dbUri);
  const port = url.port === "7687" || url.port === "" ? (url.port ? (secure ? "7473" : "7474") : secure ? "" : "7474") : url.port;
  return `${secure ? "https" : "http"}://${url.hostname}${port ? ":" + port : ""}`;
}

/**
 * Runs a Cypher query. Failures (no such connection, transport errors,
 * errors from Neo4j) are logged at `error` naming the connection and answered
 * with null, which the SDK turns into an exception.
 *
 * @example await executeNeo4j(ctx, "graph", "neo4j", "MATCH (n) RETURN n", "{}")
 */
export async function executeNeo4j(ctx: CallContext, connection: string, dbName: string, query: string, parametersJson: string): Promise<GuestEagerResult | null> {
  let secrets: string[] = [];
  try {
    const manifest = findConnection(ctx.manifest, connection, "neo4j");
    secrets = connectionSecrets(ctx.env, connection, manifest.username, manifest.password);
    const { url, auth } = target(ctx.env, connection, manifest, dbName);
    secrets.push(auth);
    let parameters: unknown;
    try {
      parameters = parametersJson.trim() ? JSON.parse(parametersJson) : {};
    } catch {
      throw new DataError(`the query parameters are not valid JSON: ${parametersJson.slice(0, 100)}`);
    }
    const timeout = Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
    let res: Response;
    try {
      // The Query API does not redirect: one would carry the credentials elsewhere.
      const headers = new Headers({ authorization: `Basic ${auth}`, "content-type": "application/json", accept: "application/vnd.neo4j.query.v1.1" });
      const body = JSON.stringify({ statement: query, parameters });
      res = await fetchChecked(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeout) }, refuseRedirects);
    } catch (err) {
      const why = (err as Error)?.name === "TimeoutError" ? `no response within ${timeout} ms` : String((err as Error)?.message ?? err);
      throw new DataError(`connection "${connection}": ${why}`);
    }
    // Typed JSON comes as application/vnd.neo4j.query.v1.1: decoded as UTF-8 text.
    const text = new TextDecoder().decode(await res.arrayBuffer());
    let body: { data?: { fields: string[]; values: Typed[][] }; errors?: { code?: string; message?: string }[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new DataError(`connection "${connection}" answered HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) {
      throw new DataError(`connection "${connection}": ${body.errors.map((e) => `${e.code ?? "error"}: ${e.message ?? ""}`).join("; ")}`);
    }
    if (!res.ok || !body.data) throw new DataError(`connection "${connection}" answered HTTP ${res.status} without data`);
    const keys = body.data.fields;
    return { keys, records: body.data.values.map((row) => ({ keys, values: row.map(goValue) })) };
  } catch (err) {
    const message = err instanceof DataError ? err.message : `connection "${connection}": ${(err as Error)?.message ?? err}`;
    ctx.logs.push({ level: "error", message: redact(`Neo4j query failed: ${message}`, secrets) });
    return null;
  }
}

function target(env: Env, name: string, connection: Neo4jConnection, dbName: string) {
  const base = withOrigin(env, name, queryApiBase(resolveField(env, name, connection.dbUri)));
  const user = resolveField(env, name, connection.username);
  const password = resolveField(env, name, connection.password);
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  const auth = btoa(String.fromCharCode(...bytes));
  return { url: `${base.replace(/\/$/, "")}/db/${encodeURIComponent(dbName)}/query/v2`, auth };
}
