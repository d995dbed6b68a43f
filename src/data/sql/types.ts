/** The database kinds `modus_sql_client.executeQuery` serves, by the `dbType` the SDK passes. */
export type SqlDbType = "postgresql" | "mysql";

/** One statement's outcome, before it becomes the guest's `HostQueryResponse`. */
export interface SqlResult {
  /** The rows as a JSON array of objects (Modus's text), or null for `exec:` statements. */
  rowsJson: string | null;
  rowsAffected: number;
  lastInsertId: bigint;
}

/** An open connection, used by one call for all its statements, then closed. */
export interface SqlSession {
  /** Runs one statement in its own transaction; throws with the database's message on failure. */
  run(statement: string, params: unknown[], execOnly: boolean): Promise<SqlResult>;
  close(): Promise<void>;
}

/** Opens sessions for one kind of database. */
export interface SqlDriver {
  /** `via` says whether the URL came from a Hyperdrive binding or straight from modus.json. */
  open(url: string, options: { timeoutMs: number; via?: "hyperdrive" | "direct" }): Promise<SqlSession>;
}

/**
 * The drivers a Worker is composed with. Only the ones the app's connections
 * use are bundled (see `modus-edge build`), so each entry is optional.
 */
export type SqlDrivers = Partial<Record<SqlDbType, SqlDriver>>;

/** What the guest's `HostQueryResponse` is lowered from. */
export interface HostQueryResponse {
  error: string | null;
  resultJson: string | null;
  rowsAffected: number;
  lastInsertId: bigint;
}
