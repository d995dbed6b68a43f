import { bs } from "json-as/lib/as-bs";

// json-as 1.1.19 has two faults in `@serializer` support that corrupt memory
// once the output outgrows its (initially 32-byte) buffer: it copies the
// serializer's result without growing the buffer first, and if the serializer
// calls `JSON.stringify` it rewinds to a buffer address that the call may have
// freed by growing it. So every SDK serializer builds its text without
// `JSON.stringify` (using `quote`) and returns it through `reserve`.

/**
 * Returns `json` after making room for it in json-as's output buffer.
 *
 * @example @serializer private serialize(self: T): string { return reserve(quote(self.name)); }
 */
export function reserve(json: string): string {
  bs.ensureSize(<u32>json.length << 1);
  return json;
}

/**
 * `s` as a JSON string literal, escaped as json-as escapes it.
 *
 * @example quote('say "hi"') // "\"say \\\"hi\\\"\""
 */
export function quote(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c != 0x22 && c != 0x5c) continue;
    out += s.substring(start, i) + escape(c);
    start = i + 1;
  }
  return out + s.substring(start) + '"';
}

function escape(c: i32): string {
  if (c == 0x22) return '\\"';
  if (c == 0x5c) return "\\\\";
  if (c == 0x08) return "\\b";
  if (c == 0x0c) return "\\f";
  if (c == 0x0a) return "\\n";
  if (c == 0x0d) return "\\r";
  if (c == 0x09) return "\\t";
  return "\\u" + c.toString(16).padStart(4, "0");
}

/**
 * The decision of an `@omitif`, making room for the field's key when it is
 * kept: json-as 1.1.19 leaves `@omitif` keys out of the size it reserves for
 * an object, so an object with several such fields set overflows its buffer.
 * Keys up to 29 characters are covered.
 *
 * @example @omitif((self: Input) => omitted(self.n == 1)) n: i32 = 1;
 */
export function omitted(omit: bool): bool {
  if (!omit) bs.proposeSize(64);
  return omit;
}
