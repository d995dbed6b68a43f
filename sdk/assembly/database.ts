// The SQL client shared by `postgresql` and `mysql` (modus_sql_client.executeQuery).
import { JSON } from "json-as";
import * as host from "./externals/sql";
import { resultIsInvalid } from "./utils";
import { quote, reserve } from "./internal/json";

/**
 * What the host hands back for one SQL statement (declared here so its type
 * name matches Modus's). The host builds it: keep the fields and their order.
 */
export class HostQueryResponse {
  error: string | null = null;
  resultJson: string | null = null;
  rowsAffected: u32 = 0;
  lastInsertId: u64 = 0;
}

/** Query parameters, serialised as the JSON the host binds. */
interface Params {
  toJSON(): string;
}

/**
 * Positional parameters ($1, $2… or ?), each value JSON-encoded as pushed.
 *
 * @example const p = new postgresql.Params(); p.push(42); p.push("x");
 */
export class PositionalParams implements Params {
  private data: string[] = [];

  push<T>(value: T): void {
    this.data.push(JSON.stringify(value));
  }

  toJSON(): string {
    return "[" + this.data.join(",") + "]";
  }
}

/**
 * Named parameters (also GraphQL and Cypher variables), each value JSON-encoded as set.
 *
 * @example const v = new graphql.Variables(); v.set("id", 7);
 */
export class NamedParams implements Params {
  private data: Map<string, string> = new Map<string, string>();

  set<T>(name: string, value: T): void {
    this.data.set(name, JSON.stringify(value));
  }

  toJSON(): string {
    const names = this.data.keys();
    const parts = new Array<string>(names.length);
    for (let i = 0; i < names.length; i++) {
      parts[i] = JSON.stringify(names[i]) + ":" + this.data.get(names[i]);
    }
    return "{" + parts.join(",") + "}";
  }
}

/** The outcome of a statement: an error message, or how many rows changed. */
export class Response {
  error: string | null = null;
  rowsAffected: u32 = 0;
  lastInsertId: u64 = 0;
}

/** A query's rows, decoded into `T`. */
export class QueryResponse<T> extends Response {
  rows!: T[];
}

/** The first column of a query's first row, decoded into `T`. */
export class ScalarResponse<T> extends Response {
  value!: T;
}

function run(connection: string, dbType: string, statement: string, paramsJson: string): HostQueryResponse {
  const response = host.executeQuery(connection, dbType, statement.trim(), paramsJson);
  if (resultIsInvalid(response)) throw new Error("Error performing database query.");
  if (response.error) console.error("Database Error: " + response.error!);
  return response;
}

/** Runs a statement that returns no rows. */
export function execute(connection: string, dbType: string, statement: string, params: Params): Response {
  // The "exec:" prefix tells the host not to read result rows.
  const r = run(connection, dbType, statement, "exec:" + params.toJSON());
  const out = new Response();
  out.error = r.error;
  out.rowsAffected = r.rowsAffected;
  out.lastInsertId = r.lastInsertId;
  return out;
}

/** Runs a query and decodes its rows (the host sends them as a JSON array of objects). */
export function query<T>(connection: string, dbType: string, statement: string, params: Params): QueryResponse<T> {
  const r = run(connection, dbType, statement, params.toJSON());
  const json = r.resultJson;
  const out = new QueryResponse<T>();
  out.error = r.error;
  out.rows = json ? JSON.parse<T[]>(json) : [];
  out.rowsAffected = r.rowsAffected;
  out.lastInsertId = r.lastInsertId;
  return out;
}

/** Runs a query and returns the first value of its first row; throws if there is none. */
export function queryScalar<T>(connection: string, dbType: string, statement: string, params: Params): ScalarResponse<T> {
  const r = query<Map<string, T>>(connection, dbType, statement, params);
  if (r.rows.length == 0 || r.rows[0].size == 0) throw new Error("No results returned from query.");
  const out = new ScalarResponse<T>();
  out.error = r.error;
  out.value = r.rows[0].values()[0];
  out.rowsAffected = r.rowsAffected;
  out.lastInsertId = r.lastInsertId;
  return out;
}

/**
 * A 2D point that reads and writes the SQL text form `(x,y)` (or WKT `POINT (x y)`).
 *
 * @example const p = new postgresql.Point(1.5, -2);
 */
@json
export class Point {
  constructor(
    public x: f64,
    public y: f64,
  ) {}

  toString(): string {
    return `(${this.x},${this.y})`;
  }

  static fromString(text: string): Point | null {
    const p = parsePoint(text);
    return p.length == 0 ? null : new Point(p[0], p[1]);
  }

  @serializer
  private serialize(self: Point): string {
    return reserve(quote(self.toString()));
  }

  // Fills `this`: json-as allocates the object of a nested field and keeps that one.
  @deserializer
  private deserialize(json: string): Point {
    const p = parsePoint(unquote(json, "Point"));
    if (p.length == 0) throw new Error("Invalid Point string");
    this.x = p[0];
    this.y = p[1];
    return this;
  }
}

/**
 * A position on Earth in (longitude, latitude) order, stored as a SQL point.
 *
 * @example const here = new postgresql.Location(-73.98, 40.75);
 */
@json
export class Location {
  constructor(
    public longitude: f64,
    public latitude: f64,
  ) {}

  toString(): string {
    return `(${this.longitude},${this.latitude})`;
  }

  static fromString(text: string): Location | null {
    const p = parsePoint(text);
    return p.length == 0 ? null : new Location(p[0], p[1]);
  }

  @serializer
  private serialize(self: Location): string {
    return reserve(quote(self.toString()));
  }

  // Fills `this`, as Point's does.
  @deserializer
  private deserialize(json: string): Location {
    const p = parsePoint(unquote(json, "Location"));
    if (p.length == 0) throw new Error("Invalid Location string");
    this.longitude = p[0];
    this.latitude = p[1];
    return this;
  }
}

function unquote(json: string, what: string): string {
  const s = json.trim();
  if (s.length < 7 || !s.startsWith('"') || !s.endsWith('"')) throw new Error(`Invalid ${what} string`);
  return s.slice(1, s.length - 1).trim();
}

// Accepts "(x,y)" and WKT "POINT (x y)"; returns [] (after logging) when neither fits.
function parsePoint(text: string): f64[] {
  let s = text.trim();
  if (s.startsWith("POINT (")) s = s.slice(6).trim().replace(" ", ",");
  if (!s.startsWith("(") || !s.endsWith(")")) {
    console.error(`Invalid Point string: "${text}"`);
    return [];
  }
  const parts = s.slice(1, s.length - 1).split(",");
  if (parts.length != 2) {
    console.error(`Invalid Point string: "${text}"`);
    return [];
  }
  return [parseFloat(parts[0].trim()), parseFloat(parts[1].trim())];
}
