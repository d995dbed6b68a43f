import { DurableObject } from "cloudflare:workers";
import type { AgentInfo, AgentStatus } from "./types";

/**
 * The one object that knows every agent (Durable Objects cannot be listed):
 * each agent's object records its status changes here, and `listAgents`
 * reads it. A terminated agent's row is removed, as listing leaves it out.
 *
 * @example export { AgentRegistry as ModusAgentRegistry } from "./agents";
 */
export class AgentRegistry extends DurableObject {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(
      "CREATE TABLE IF NOT EXISTS agents (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, updated TEXT NOT NULL)",
    );
    this.#sql.exec("CREATE INDEX IF NOT EXISTS agents_updated ON agents (updated)");
  }

  record(info: AgentInfo & { updated: string }): void {
    if (info.status === "terminated") {
      this.#sql.exec("DELETE FROM agents WHERE id = ?", info.id);
      return;
    }
    this.#sql.exec(
      "INSERT INTO agents (id, name, status, updated) VALUES (?, ?, ?, ?) " +
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status, updated = excluded.updated",
      info.id,
      info.name,
      info.status,
      info.updated,
    );
  }

  /** Every agent not terminated, most recently changed first (Modus's order). */
  list(): AgentInfo[] {
    return this.#sql
      .exec<{ id: string; name: string; status: string }>("SELECT id, name, status FROM agents ORDER BY updated DESC, id DESC")
      .toArray()
      .map((r) => ({ id: r.id, name: r.name, status: r.status as AgentStatus }));
  }
}
