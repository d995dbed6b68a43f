// PostgreSQL through postgres.js, which speaks the wire protocol over
// cloudflare:sockets in workerd (and through a Hyperdrive binding's address alike).
import postgres from "postgres";
import type { SqlDriver, SqlResult, SqlSession } from "../types";
import { rowsJson } from "../json";
import { renderValue } from "./render";
import { ARRAY_ELEMENTS } from "./arrays";
import { openSocket, type SslMode } from "./socket";

// Every type postgres.js would parse is kept as text: values are rendered from
// their text form, exactly (int8 and numeric digits survive).
const AS_TEXT = [16, 17, 20, 21, 23, 26, 114, 700, 701, 1082, 1114, 1184, 3802, ...Object.keys(ARRAY_ELEMENTS).map(Number)];
const textTypes = { text: { to: 25, from: AS_TEXT, parse: (x: string) => x } };

/**
 * Opens one connection (postgres.js with a single socket) for a call's statements.
 *
 * @example const session = await postgresDriver.open(url, { timeoutMs: 30_000 });
 */
export const postgresDriver: SqlDriver = {
  async open(url, { timeoutMs, via }) {
    const target = new URL(url);
    // TLS is negotiated by openSocket; Hyperdrive's local hop needs none (it speaks TLS to the origin).
    const sslmode = (target.searchParams.get("sslmode") ?? (via === "hyperdrive" ? "disable" : "prefer")) as SslMode;
    target.searchParams.delete("sslmode");
    const hostname = target.hostname;
    const port = Number(target.port || 5432);
    const sql = postgres(target.href, {
      ssl: false,
      // postgres.js accepts a socket factory (typed only in its docs).
      ...({ socket: () => openSocket(hostname, port, sslmode) } as object),
      max: 1,
      // One unnamed statement per call: nothing to gain from preparing, and
      // fetching array types would cost a round trip per connection.
      prepare: false,
      fetch_types: false,
      connect_timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
      types: textTypes as never,
      onnotice: () => {},
      // Timestamps with time zone read in UTC, as Modus (in UTC) reads them;
      // the server stops a statement that runs too long.
      connection: { TimeZone: "UTC", statement_timeout: timeoutMs, application_name: "modus-edge" },
    });
    return session(sql);
  },
};

function session(sql: postgres.Sql): SqlSession {
  return {
    // One statement is one extended-protocol exchange ending in Sync, which
    // Postgres runs as one implicit transaction: it commits whole or not at
    // all, as Modus's explicit BEGIN/COMMIT does, without two more round trips.
    async run(statement, params, execOnly): Promise<SqlResult> {
      const result = await sql.unsafe(statement, params.map(toParameter) as never[]);
      const rowsAffected = result.count ?? result.length;
      if (execOnly) return { rowsJson: null, rowsAffected, lastInsertId: 0n };
      const columns = result.columns ?? [];
      const rows = result.map((row: Record<string, unknown>) =>
        columns.map((c) => [c.name, renderValue(row[c.name] as string | null, c.type, c.name)] as const),
      );
      return { rowsJson: rowsJson(rows), rowsAffected, lastInsertId: 0n };
    },
    close: () => sql.end({ timeout: 0 }),
  };
}

// Parameters come from the guest's JSON and go as text, the server inferring
// their types: objects as JSON (for json columns), arrays as array literals.
function toParameter(value: unknown): unknown {
  if (Array.isArray(value)) return arrayLiteral(value);
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

/** A JSON array as Postgres's array text: `{"a","b c",NULL,{1,2}}`. */
function arrayLiteral(items: unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return "NULL";
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = typeof v === "object" ? JSON.stringify(v) : String(v);
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
  };
  return "{" + items.map(element).join(",") + "}";
}
