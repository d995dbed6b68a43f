// modus_sql_client.executeQuery: parse the SDK's arguments, find the
// connection, run the statement on the call's session, shape the answer.
import type { CallContext } from "../../wasm/context";
import { DataError, findConnection, redact } from "../connections";
import { sqlTarget } from "./connection";
import type { HostQueryResponse, SqlDbType, SqlDrivers, SqlSession } from "./types";

const DEFAULT_TIMEOUT_MS = 30_000;
const DB_TYPES: readonly SqlDbType[] = ["postgresql", "mysql"];

/**
 * Runs one statement for the guest. Any failure (bad arguments, unknown
 * connection, missing secret, database error) is logged at `error`, naming the
 * connection and the database's message, and answered with null: the SDK then
 * throws, as it does on Modus.
 *
 * @example await executeSql(ctx, drivers, "my-db", "postgresql", "select 1", "[]")
 */
export async function executeSql(
  ctx: CallContext,
  drivers: SqlDrivers,
  connection: string,
  dbType: string,
  statement: string,
  paramsJson: string,
): Promise<HostQueryResponse | null> {
  let secrets: string[] = [];
  try {
    const execOnly = paramsJson.startsWith("exec:");
    const params = parseParams(execOnly ? paramsJson.slice(5) : paramsJson);
    if (!DB_TYPES.includes(dbType as SqlDbType)) throw new DataError(`database type "${dbType}" is not supported (postgresql or mysql)`);
    const type = dbType as SqlDbType;
    const manifest = findConnection(ctx.manifest, connection, type);
    const driver = drivers[type];
    if (!driver) throw new DataError(`connection "${connection}": this Worker was built without the ${type} driver; rebuild with modus-edge build`);
    const target = sqlTarget(ctx.env, connection, manifest);
    secrets = target.secrets;
    const timeoutMs = Number(ctx.env.MODUS_SQL_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_SQL_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
    const key = `sql:${connection}`;
    const opened = (ctx.resources?.get(key) as Promise<SqlSession> | undefined) ?? driver.open(target.url, { timeoutMs, via: target.via });
    if (ctx.resources && !ctx.resources.has(key)) ctx.resources.set(key, opened);
    let session: SqlSession;
    try {
      session = await opened;
    } catch (err) {
      ctx.resources?.delete(key);
      throw err;
    }
    try {
      const result = await withTimeout(session.run(statement, params, execOnly), timeoutMs + 1000);
      return { error: null, resultJson: result.rowsJson, rowsAffected: result.rowsAffected, lastInsertId: result.lastInsertId };
    } catch (err) {
      // A failed statement may leave the connection unusable: the next one opens another.
      ctx.resources?.delete(key);
      await session.close().catch(() => {});
      throw err;
    } finally {
      if (!ctx.resources) await session.close().catch(() => {});
    }
  } catch (err) {
    const why = err instanceof DataError ? err.message : `connection "${connection}": ${describe(err)}`;
    ctx.logs.push({ level: "error", message: redact(`database query failed: ${why}`, secrets) });
    return null;
  }
}

function parseParams(json: string): unknown[] {
  let params: unknown;
  try {
    params = JSON.parse(json);
  } catch {
    throw new DataError(`the query parameters are not valid JSON: ${json.slice(0, 100)}`);
  }
  if (!Array.isArray(params)) throw new DataError("the query parameters must be a JSON array (positional parameters)");
  return params;
}

// The database's own message, with its SQLSTATE / error code when it has one.
function describe(err: unknown): string {
  const e = err as { message?: string; code?: string; errno?: number; sqlState?: string };
  const message = e?.message ?? String(err);
  const code = e?.sqlState ?? (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
  return code ? `${message} (SQLSTATE ${code})` : message;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms - 1000} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
