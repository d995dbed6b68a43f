// Where a dgraph or neo4j connection's HTTP API lives, honouring the
// MODUS_<CONNECTION>_ORIGIN override (local development and tests), as http
// connections do.
import { ConnectionError, originOverride } from "../manifest/connections";
import type { Env } from "../manifest/types";
import { DataError } from "./connections";

/**
 * `base` with its origin replaced by `MODUS_<CONNECTION>_ORIGIN` when set.
 *
 * @example withOrigin(env, "graph", "https://db.example.com:7473") // "http://127.0.0.1:8787" when overridden
 */
export function withOrigin(env: Env, connection: string, base: string): string {
  let override: string | undefined;
  try {
    override = originOverride(env, connection);
  } catch (err) {
    if (err instanceof ConnectionError) throw new DataError(err.message);
    throw err;
  }
  return override ?? base;
}
