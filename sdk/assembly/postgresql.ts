import * as db from "./database";
import { PositionalParams as Params, Response, QueryResponse, ScalarResponse, Point, Location } from "./database";

export { Params, Response, QueryResponse, ScalarResponse, Point, Location };

const dbType = "postgresql";

/**
 * Runs a statement that returns no rows on the postgresql connection named in modus.json.
 *
 * @example postgresql.execute("db", "DELETE FROM t WHERE id = $1", params);
 */
export function execute(connection: string, statement: string, params: Params = new Params()): Response {
  return db.execute(connection, dbType, statement, params);
}

/**
 * Runs a query and decodes each row into `T`.
 *
 * @example const people = postgresql.query<Person>("db", "SELECT * FROM people").rows;
 */
export function query<T>(connection: string, statement: string, params: Params = new Params()): QueryResponse<T> {
  return db.query<T>(connection, dbType, statement, params);
}

/**
 * Runs a query and returns the first value of its first row.
 *
 * @example const n = postgresql.queryScalar<i64>("db", "SELECT count(*) FROM people").value;
 */
export function queryScalar<T>(connection: string, statement: string, params: Params = new Params()): ScalarResponse<T> {
  return db.queryScalar<T>(connection, dbType, statement, params);
}
