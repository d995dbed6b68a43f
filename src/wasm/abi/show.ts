/**
 * A short, safe rendering of a value for an error message (JSON.stringify
 * throws on bigint and cycles).
 *
 * @example show(12n) // "12n"
 */
export function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date) return `Date ${value.toString()}`;
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}
