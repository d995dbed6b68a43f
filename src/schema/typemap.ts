/** AssemblyScript primitive and built-in types and their GraphQL names (Modus's AssemblyScript type info). */
export const SCALAR_TYPES: ReadonlyMap<string, string> = new Map([
  ["bool", "Boolean"],
  ["f32", "Float"],
  ["f64", "Float"],
  ["i8", "Int"],
  ["i16", "Int"],
  ["i32", "Int"],
  ["isize", "Int"],
  ["u8", "Int"],
  ["u16", "Int"],
  ["u32", "UInt"],
  ["usize", "UInt"],
  ["i64", "Int64"],
  ["u64", "UInt64"],
  ["~lib/string/String", "String"],
  ["~lib/arraybuffer/ArrayBuffer", "String"],
  ["~lib/typedarray/Uint8Array", "String"],
  ["~lib/array/Array<u8>", "String"],
  ["~lib/date/Date", "Timestamp"],
  ["~lib/wasi_date/wasi_Date", "Timestamp"],
]);

/** The GraphQL custom scalars; each is declared only when the schema uses it. */
export const CUSTOM_SCALARS: ReadonlySet<string> = new Set(["Int64", "UInt64", "UInt", "Timestamp", "Void"]);
