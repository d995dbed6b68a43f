import { JSON } from "json-as";
import * as host from "./externals/neo4j";
import { NamedParams as Variables } from "./database";
import { DynamicMap } from "./dynamicmap";
import { quote, reserve } from "./internal/json";
import { Node, Relationship, Path, Point2D, Point3D } from "./neo4j/types";

export { Variables };
export { Node, Relationship, Path, Point2D, Point3D };

/**
 * Runs a Cypher query on the neo4j connection named in modus.json.
 *
 * @example
 *   const vars = new neo4j.Variables();
 *   vars.set("name", "Ann");
 *   const r = neo4j.executeQuery("graph", "MATCH (p:Person {name: $name}) RETURN p", vars);
 */
export function executeQuery(
  connection: string,
  query: string,
  parameters: Variables = new Variables(),
  dbName: string = "neo4j",
): EagerResult {
  const result = host.executeQuery(connection, dbName, query, parameters.toJSON());
  if (!result) throw new Error("Error executing Query.");
  return result;
}

/** A query's result: the column names and the rows. Built by the host; keep the fields. */
@json
export class EagerResult {
  keys: string[] = [];
  records: Record[] = [];

  /** @deprecated Use `keys`. */
  get Keys(): string[] {
    return this.keys;
  }

  /** @deprecated Use `records`. */
  get Records(): Record[] {
    return this.records;
  }
}

/** One result row: column names and each value as JSON text. Built by the host; keep the fields. */
@json
export class Record {
  keys: string[] = [];
  values: string[] = [];

  /** @deprecated Use `keys`. */
  get Keys(): string[] {
    return this.keys;
  }
  set Keys(value: string[]) {
    this.keys = value;
  }

  /** @deprecated Use `values`. */
  get Values(): string[] {
    return this.values;
  }
  set Values(value: string[]) {
    this.values = value;
  }

  /** The JSON text of the value in column `key`. */
  get(key: string): string {
    const i = this.keys.indexOf(key);
    if (i < 0) throw new Error("Key not found in record.");
    return this.values[i];
  }

  /**
   * The value in column `key`, decoded as `T`: a primitive, string, `Node`,
   * `Relationship`, `Path`, `Point2D`, `Point3D`, `DynamicMap`, `Date`,
   * `JSON.Raw`, or an array of strings, numbers or raw values.
   *
   * @example const person = record.getValue<neo4j.Node>("p");
   */
  getValue<T>(key: string): T {
    if (!isSupportedValue<T>()) throw new Error("Unsupported type.");
    return JSON.parse<T>(this.get(key));
  }

  /** The row as a map from column name to JSON text. */
  asMap(): Map<string, string> {
    const map = new Map<string, string>();
    for (let i = 0; i < this.keys.length; i++) map.set(this.keys[i], this.values[i]);
    return map;
  }

  // A record is a JSON object of its columns (values are already JSON).
  @serializer
  private serialize(self: Record): string {
    const parts = new Array<string>(self.keys.length);
    for (let i = 0; i < self.keys.length; i++) parts[i] = quote(self.keys[i]) + ":" + self.values[i];
    return reserve("{" + parts.join(",") + "}");
  }

  @deserializer
  private deserialize(json: string): Record {
    throw new Error("Not implemented.");
  }
}

function isSupportedValue<T>(): bool {
  if (isInteger<T>() || isFloat<T>() || isBoolean<T>() || isString<T>()) return true;
  if (!isReference<T>()) return false;
  const id = idof<T>();
  return (
    id == idof<Node>() || id == idof<Relationship>() || id == idof<Path>() ||
    id == idof<Point2D>() || id == idof<Point3D>() || id == idof<DynamicMap>() ||
    id == idof<Date>() || id == idof<JSON.Raw>() || id == idof<JSON.Raw[]>() ||
    id == idof<string[]>() || id == idof<f32[]>() || id == idof<f64[]>() ||
    id == idof<i8[]>() || id == idof<i16[]>() || id == idof<i32[]>() || id == idof<i64[]>() ||
    id == idof<u8[]>() || id == idof<u16[]>() || id == idof<u32[]>() || id == idof<u64[]>()
  );
}
