// modus_dgraph_client: executeQuery, alterSchema, dropAttribute, dropAllData
// over Dgraph's HTTP API.
import type { CallContext } from "../../wasm/context";
import { DataError, findConnection, redact } from "../connections";
import { toHttpCall, type GuestDgraphRequest } from "./request";
import { dgraphTarget } from "./target";
import { fetchChecked, refuseRedirects } from "../../outbound/fetch";

const DEFAULT_TIMEOUT_MS = 30_000;

/** The guest's Dgraph Response: the JSON result and the UIDs of new blank nodes. */
export interface GuestDgraphResponse {
  Json: string;
  Uids: Record<string, string> | null;
}

/**
 * Runs a query (read-only) or a query with mutations (committed at once).
 * Failures are logged at `error` naming the connection and answered with null,
 * which the SDK turns into an exception, as on Modus.
 *
 * @example await executeDgraph(ctx, "dgraph", request)
 */
export function executeDgraph(ctx: CallContext, connection: string, request: GuestDgraphRequest): Promise<GuestDgraphResponse | null> {
  return guarded(ctx, connection, async (post) => {
    const call = toHttpCall(request);
    const data = (await post(call.path, call.contentType, call.body)) as Record<string, unknown> | null;
    if (call.path.startsWith("/query")) return { Json: JSON.stringify(data ?? {}), Uids: null };
    const uids = (data?.uids ?? null) as Record<string, string> | null;
    return { Json: JSON.stringify(data?.queries ?? {}), Uids: uids };
  });
}

/** Alters the schema (`/alter` with the schema text); "success" as Modus answers. */
export function alterDgraph(ctx: CallContext, connection: string, body: string): Promise<string | null> {
  return guarded(ctx, connection, async (post) => (await post("/alter", "application/dql", body), "success"));
}

type Post = (path: string, contentType: string, body: string) => Promise<unknown>;

async function guarded<T>(ctx: CallContext, connection: string, work: (post: Post) => Promise<T>): Promise<T | null> {
  let secrets: string[] = [];
  try {
    const target = dgraphTarget(ctx.env, connection, findConnection(ctx.manifest, connection, "dgraph"));
    secrets = target.secrets;
    const timeout = Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
    const post: Post = async (path, contentType, body) => {
      let res: Response;
      try {
        // Dgraph does not redirect: one would carry the connection's key elsewhere.
        const headers = new Headers({ ...target.headers, "content-type": contentType });
        res = await fetchChecked(target.base + path, { method: "POST", headers, body, signal: AbortSignal.timeout(timeout) }, refuseRedirects);
      } catch (err) {
        const why = (err as Error)?.name === "TimeoutError" ? `no response within ${timeout} ms` : String((err as Error)?.message ?? err);
        throw new DataError(`connection "${connection}": ${why}`);
      }
      const text = await res.text();
      let parsed: { data?: unknown; errors?: { message?: string }[] };
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new DataError(`connection "${connection}" answered HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
      if (parsed.errors?.length) {
        throw new DataError(`connection "${connection}": ${parsed.errors.map((e) => e.message ?? JSON.stringify(e)).join("; ")}`);
      }
      if (!res.ok) throw new DataError(`connection "${connection}" answered HTTP ${res.status}`);
      return parsed.data ?? null;
    };
    return await work(post);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const message = err.message.startsWith("connection ") ? err.message : `connection "${connection}": ${err.message}`;
    ctx.logs.push({ level: "error", message: redact(`Dgraph request failed: ${message}`, secrets) });
    return null;
  }
}
