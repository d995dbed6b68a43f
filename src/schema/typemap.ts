/**
 * How AssemblyScript internal type names read, and which GraphQL type each
 * built-in becomes: the rules of Modus's AssemblyScript type info, as data.
 */

/** A type is nullable when its name ends with one of these (Modus checks both spellings). */
export const NULLABLE_SUFFIXES: readonly string[] = [" | null", "|null"];

export const LIST_PREFIX = "~lib/array/Array<";
export const MAP_PREFIX = "~lib/map/Map<";

/** Built-in AssemblyScript types and the GraphQL type each becomes. */
export const BUILTIN_TYPES: ReadonlyMap<string, string> = new Map([
  ["~lib/string/String", "String"],
  // Byte sequences travel as base64 strings; `Array<u8>` is one too, so it is not a list.
  ["~lib/arraybuffer/ArrayBuffer", "String"],
  ["~lib/typedarray/Uint8Array", "String"],
  ["~lib/typedarray/Uint8ClampedArray", "String"],
  ["~lib/array/Array<u8>", "String"],
  ["bool", "Boolean"],
  ["f32", "Float"],
  ["f64", "Float"],
  ["i8", "Int"],
  ["i16", "Int"],
  ["i32", "Int"],
  ["isize", "Int"],
  ["u8", "Int"],
  ["u16", "Int"],
  // 32-bit unsigned and all 64-bit integers do not fit GraphQL's Int.
  ["u32", "UInt"],
  ["usize", "UInt"],
  ["i64", "Int64"],
  ["u64", "UInt64"],
  ["Date", "Timestamp"],
  ["~lib/date/Date", "Timestamp"],
  ["~lib/wasi_date/wasi_Date", "Timestamp"],
]);

/** The GraphQL custom scalars the built-ins use; each is declared only when something uses it. */
export const CUSTOM_SCALARS: ReadonlySet<string> = new Set(["Int64", "UInt64", "UInt", "Timestamp", "Void"]);

/** GraphQL's own scalars, which are never declared. */
export const GRAPHQL_SCALARS: ReadonlySet<string> = new Set(["String", "Int", "Float", "Boolean", "ID"]);

export const isNullableType = (typ: string): boolean => NULLABLE_SUFFIXES.some((s) => typ.endsWith(s));

/**
 * The type without one nullable suffix.
 *
 * @example underlyingType("~lib/string/String | null") // "~lib/string/String"
 */
export function underlyingType(typ: string): string {
  const suffix = NULLABLE_SUFFIXES.find((s) => typ.endsWith(s));
  return suffix ? typ.slice(0, -suffix.length) : typ;
}

export const isListType = (typ: string): boolean => typ.startsWith(LIST_PREFIX);
export const isMapType = (typ: string): boolean => underlyingType(typ).startsWith(MAP_PREFIX);
export const isTimestampType = (typ: string): boolean => BUILTIN_TYPES.get(underlyingType(typ)) === "Timestamp";

/** @example listElementType("~lib/array/Array<i32>") // "i32" */
export const listElementType = (typ: string): string => underlyingType(typ).slice(LIST_PREFIX.length, -1);

/**
 * The key and value types of a map, split at the top-level comma; undefined when malformed.
 *
 * @example mapTypeArgs("~lib/map/Map<~lib/string/String,i32>") // ["~lib/string/String", "i32"]
 */
export function mapTypeArgs(typ: string): [string, string] | undefined {
  const s = underlyingType(typ);
  if (!s.startsWith(MAP_PREFIX)) return undefined;
  let depth = 1;
  let comma = -1;
  for (let i = MAP_PREFIX.length; i < s.length; i++) {
    const c = s[i];
    if (c === "<") depth++;
    else if (c === "," && depth === 1) comma = i;
    else if (c === ">" && --depth === 0) {
      return comma < 0 ? undefined : [s.slice(MAP_PREFIX.length, comma), s.slice(comma + 1, i)];
    }
  }
  return undefined;
}

/**
 * The short name of a type, as Modus names GraphQL types: the last path segment.
 *
 * @example typeName("assembly/models/Person") // "Person"
 */
export function typeName(typ: string): string {
  const s = underlyingType(typ);
  if (isListType(s)) return `${typeName(listElementType(s))}[]`;
  const map = mapTypeArgs(s);
  if (map) return `Map<${typeName(map[0])},${typeName(map[1])}>`;
  return s.slice(s.lastIndexOf("/") + 1);
}
