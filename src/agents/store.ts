import type { AgentInfo, AgentStatus } from "./types";

/** What an agent's Durable Object keeps: Modus's agent row. */
export interface AgentRecord extends AgentInfo {
  /** The state the agent's `getState` last returned. */
  data: string | null;
  updated: string;
}

/**
 * One agent's row in its Durable Object's SQLite storage. Writes are
 * synchronous; the runtime confirms them before the object's next reply
 * leaves (its output gate), so an answered message has its state on disk.
 *
 * @example
 *   const store = new AgentStore(ctx.storage.sql);
 *   store.write({ id, name, status: "running", data: "3", updated: now() });
 */
export class AgentStore {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS agent (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, data TEXT, updated TEXT NOT NULL)",
    );
  }

  read(): AgentRecord | undefined {
    const rows = this.#sql.exec<Record<string, string | null>>("SELECT id, name, status, data, updated FROM agent LIMIT 1").toArray();
    const row = rows[0];
    if (!row) return undefined;
    return { id: row.id!, name: row.name!, status: row.status as AgentStatus, data: row.data ?? null, updated: row.updated! };
  }

  write(record: AgentRecord): void {
    this.#sql.exec(
      "INSERT INTO agent (id, name, status, data, updated) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status, data = excluded.data, updated = excluded.updated",
      record.id,
      record.name,
      record.status,
      record.data,
      record.updated,
    );
  }
}

/** Modus's timestamp format: ISO-8601, UTC, milliseconds. */
export const now = (): string => new Date().toISOString();
