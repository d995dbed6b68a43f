// modus_graphql_client.executeQuery: POST {query, variables} to an http
// connection's endpoint and hand the raw JSON answer to the guest.
import { buildRequestForConnection } from "../../manifest/connections";
import { fetchChecked } from "../../outbound/fetch";
import { connectionRedirects } from "../../outbound/connection";
import type { CallContext } from "../../wasm/context";
import { connectionSecrets, DataError, findConnection, redact } from "../connections";

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Runs one GraphQL operation against the http connection `connection`, which
 * must declare an `endpoint` (the full URL), as in Modus. A failure (no such
 * connection, transport error, non-200 status, a body that is not JSON) is
 * logged at `error` naming the connection and answered with null; GraphQL
 * errors inside a 200 answer reach the guest, whose SDK reports them.
 *
 * @example await executeGraphql(ctx, "countries", "{ countries { code } }", "{}")
 */
export async function executeGraphql(ctx: CallContext, connection: string, statement: string, variablesJson: string): Promise<string | null> {
  let secrets: string[] = [];
  try {
    const http = findConnection(ctx.manifest, connection, "http");
    if (!http.endpoint) throw new DataError(`connection "${connection}" has no endpoint (a GraphQL connection needs the full URL in "endpoint")`);
    secrets = connectionSecrets(ctx.env, connection, ...Object.values(http.headers ?? {}), ...Object.values(http.queryParameters ?? {}));
    const variables = parseVariables(variablesJson);
    let target: { url: string; headers: Headers };
    try {
      target = buildRequestForConnection({ name: connection, connection: http, url: http.endpoint, env: ctx.env });
    } catch (err) {
      throw new DataError((err as Error).message);
    }
    target.headers.set("content-type", "application/json");
    const timeout = Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
    let res: Response;
    try {
      // A redirect is followed only to a URL a connection of the manifest allows, with that connection's own headers.
      const from = { name: connection, connection: http, url: http.endpoint };
      res = await fetchChecked(
        target.url,
        { method: "POST", headers: target.headers, body: JSON.stringify({ query: statement, variables }), signal: AbortSignal.timeout(timeout) },
        connectionRedirects({ manifest: ctx.manifest, env: ctx.env, from }),
      );
    } catch (err) {
      const why = (err as Error)?.name === "TimeoutError" ? `no response within ${timeout} ms` : String((err as Error)?.message ?? err);
      throw new DataError(`connection "${connection}": ${why}`);
    }
    const body = await res.text();
    if (res.status !== 200) throw new DataError(`connection "${connection}" answered HTTP ${res.status} ${res.statusText}: ${body.slice(0, 300)}`);
    try {
      JSON.parse(body);
    } catch {
      throw new DataError(`connection "${connection}" answered with a body that is not JSON: ${body.slice(0, 300)}`);
    }
    return body;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    ctx.logs.push({ level: "error", message: redact(`GraphQL request failed: ${err.message}`, secrets) });
    return null;
  }
}

function parseVariables(json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = json.trim() ? JSON.parse(json) : {};
  } catch {
    throw new DataError(`the GraphQL variables are not valid JSON: ${json.slice(0, 100)}`);
  }
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new DataError("the GraphQL variables must be a JSON object");
  return value as Record<string, unknown>;
}
