// MySQL and MariaDB through mysql2 (over node:net, with nodejs_compat), with
// `disableEval`: Workers cannot compile code at run time.
import { createConnection, type Connection, type FieldPacket, type ResultSetHeader } from "mysql2/promise";
import type { SqlDriver, SqlResult, SqlSession } from "../types";
import { rowsJson } from "../json";
import { renderValue, type Column } from "./render";

/**
 * Opens one connection for a call's statements.
 *
 * @example const session = await mysqlDriver.open("mysql://u:p@db:3306/app", { timeoutMs: 30_000 });
 */
export const mysqlDriver: SqlDriver = {
  async open(url, { timeoutMs }) {
    const options = connectionOptions(url);
    const connection = await createConnection({
      ...options,
      disableEval: true,
      connectTimeout: timeoutMs,
      supportBigNumbers: true,
      bigNumberStrings: true,
      // Raw bytes for every value: rendered as Modus renders them, from the column definitions.
      typeCast: (field) => field.buffer(),
    });
    return session(connection, timeoutMs, () => killQuery(options, connection.threadId));
  },
};

// A statement past its time is killed on the server (KILL QUERY from a second
// connection), so it rolls back there instead of finishing after we gave up.
async function killQuery(options: ReturnType<typeof connectionOptions>, threadId: number | null) {
  if (threadId === null) return;
  const killer = await createConnection({ ...options, disableEval: true, connectTimeout: 5000 });
  try {
    await killer.query(`KILL QUERY ${Number(threadId)}`);
  } finally {
    killer.destroy();
  }
}

function session(connection: Connection, timeoutMs: number, kill: () => Promise<void>): SqlSession {
  return {
    // With autocommit on, one statement is one transaction: it commits whole
    // or not at all, as Modus's BEGIN/COMMIT around it does.
    async run(statement, params, execOnly): Promise<SqlResult> {
      const [result, fields] = await withKill(
        connection.query({ sql: statement, values: params.map(toParameter) }),
        timeoutMs,
        kill,
      );
      if (!Array.isArray(result)) {
        const header = result as ResultSetHeader;
        if (execOnly) return { rowsJson: null, rowsAffected: header.affectedRows, lastInsertId: BigInt(header.insertId ?? 0) };
        return { rowsJson: "[]", rowsAffected: 0, lastInsertId: 0n };
      }
      const columns = (fields ?? []) as unknown as (FieldPacket & Column)[];
      const rows = (result as unknown as (Uint8Array | null)[][]).map((row) =>
        columns.map((c, i) => [c.name, renderValue(c, row[i] ?? null)] as const),
      );
      if (execOnly) return { rowsJson: null, rowsAffected: rows.length, lastInsertId: 0n };
      return { rowsJson: rowsJson(rows), rowsAffected: rows.length, lastInsertId: 0n };
    },
    close: async () => {
      connection.destroy();
    },
  };
}

async function withKill<T>(work: Promise<T>, ms: number, kill: () => Promise<void>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired = false;
  const timeout = () => new Error(`the statement ran longer than ${ms} ms and was stopped`);
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      const stop = () => reject(timeout());
      kill().then(stop, stop);
    }, ms);
  });
  // The query's own rejection after the kill is expected: nothing waits for it.
  work.catch(() => {});
  try {
    return await Promise.race([work, late]);
  } catch (err) {
    // The killed statement's "interrupted" may arrive before the kill's own answer: it is the timeout.
    throw expired ? timeout() : err;
  } finally {
    clearTimeout(timer);
  }
}

// go-sql-driver's `tls` parameter, which Modus's examples use, read as mysql2's `ssl`.
function connectionOptions(url: string) {
  const u = new URL(url);
  const tls = u.searchParams.get("tls");
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    // Rows as arrays, so columns of the same name keep their order.
    rowsAsArray: true,
    ...(tls && tls !== "false" ? { ssl: { rejectUnauthorized: tls !== "skip-verify" } } : {}),
  };
}

// Parameters come from the guest's JSON; objects and arrays go as JSON text.
function toParameter(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}
