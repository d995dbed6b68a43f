// MySQL values rendered as Modus renders them: go-sql-driver's scan type for
// each column (sql.Null* structs for nullable numbers and strings, []byte for
// binary data) written by goccy/go-json, with dates and geometry special-cased.
import { goFloat } from "../json";
import { wkt } from "./wkb";

/** What the renderer needs of a column definition (mysql2's field packet). */
export interface Column {
  name: string;
  columnType: number;
  flags: number;
  characterSet: number;
}

const NOT_NULL = 1;
const BINARY_CHARSET = 63;

const INTEGER = new Set([1, 2, 3, 8, 9, 13]);
const FLOAT = new Set([4, 5]);
const BYTES_IF_BINARY = new Set([16, 242, 249, 250, 251, 252, 253, 254, 255]);
const DATE = new Set([10, 14]);
const DATETIME = 12;
const TIMESTAMP = 7;
const GEOMETRY = 255;
const NULL_TYPE = 6;

const text = (v: Uint8Array) => new TextDecoder().decode(v);
const base64 = (v: Uint8Array) => {
  let bin = "";
  for (const b of v) bin += String.fromCharCode(b);
  return JSON.stringify(btoa(bin));
};
const nullable = (field: string, zero: string, value: string | null) =>
  value === null ? `{"${field}":${zero},"Valid":false}` : `{"${field}":${value},"Valid":true}`;

/**
 * The JSON of one column value, given its raw bytes (null for SQL NULL).
 *
 * @example renderValue({ name: "age", columnType: 3, flags: 1, characterSet: 63 }, bytes("42")) // "42"
 */
export function renderValue(column: Column, raw: Uint8Array | null): string {
  const { columnType: type, flags, characterSet } = column;
  const notNull = (flags & NOT_NULL) !== 0;
  if (DATE.has(type) || type === DATETIME || type === TIMESTAMP) {
    if (raw === null) return "null";
    const s = text(raw);
    if (DATE.has(type)) return JSON.stringify(s);
    return JSON.stringify(s.slice(0, 10) + "T" + s.slice(11) + (type === TIMESTAMP ? "Z" : ""));
  }
  if (type === GEOMETRY) return raw === null ? "null" : JSON.stringify(wkt(raw));
  if (INTEGER.has(type)) {
    const value = raw === null ? null : text(raw);
    return notNull ? (value ?? "0") : nullable("Int64", "0", value);
  }
  if (FLOAT.has(type)) {
    const value = raw === null ? null : goFloat(Number(text(raw)), column.name);
    return notNull ? (value ?? "0") : nullable("Float64", "0", value);
  }
  if (BYTES_IF_BINARY.has(type) && characterSet === BINARY_CHARSET) return raw === null ? "null" : base64(raw);
  if (type === NULL_TYPE) return "null";
  const value = raw === null ? null : JSON.stringify(text(raw));
  return notNull ? (value ?? '""') : nullable("String", '""', value);
}
