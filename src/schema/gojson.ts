/**
 * Serializes a JSON value the way Modus writes default values: Go's JSON
 * encoder (goccy/go-json without HTML escaping). It differs from
 * `JSON.stringify` in object key order (sorted), in `\b` and `\f` (written
 * `\u0008`, `\u000c`), and in lone surrogates, which Go read as U+FFFD.
 *
 * @example goJson([1, 2, 3]) // "[1,2,3]"
 * @example goJson('a"b')     // "\"a\\\"b\""
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goString(value);
  // Go keeps the sign of zero; both write every other number in the same shortest form.
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${goString(k)}:${goJson(v)}`).join(",")}}`;
  }
  return "null";
}

/** Go's short escapes; every other control character is written `\u00XX`. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function goString(s: string): string {
  const escaped = s.replace(LONE_SURROGATE, "\ufffd").replace(/["\\\u0000-\u001f]/g, (c) =>
    SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `"${escaped}"`;
}
