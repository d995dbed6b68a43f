// Rows are written as Modus writes them: Go maps, so object keys come out sorted.

/**
 * A JSON array of row objects from already-encoded values, keys sorted as Go
 * sorts a map's keys.
 *
 * @example rowsJson([[["name", '"Ann"'], ["age", "42"]]]) // '[{"age":42,"name":"Ann"}]'
 */
export function rowsJson(rows: readonly (readonly [string, string])[][]): string {
  const out = rows.map((row) => {
    // A later column of the same name wins, as it does in a Go map.
    const byName = new Map(row);
    const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return "{" + names.map((n) => JSON.stringify(n) + ":" + byName.get(n)).join(",") + "}";
  });
  return "[" + out.join(",") + "]";
}

/**
 * A JSON value re-encoded as Go's encoding/json writes a decoded `any`:
 * object keys sorted, numbers as float64.
 *
 * @example goJson({ b: 1, a: [true] }) // '{"a":[true],"b":1}'
 */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(goJson).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + goJson((value as Record<string, unknown>)[k])).join(",") + "}";
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A float64 as Go's `%g` prints it (shortest digits; exponent form below
 * 1e-4 or from 1e6, with at least two exponent digits), as pgx writes points.
 *
 * @example goFormatG(1234567) // "1.234567e+06"
 */
export function goFormatG(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const [mantissa, exp] = n.toExponential().split("e") as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) {
    const digits = Math.abs(e) < 10 ? "0" + Math.abs(e) : String(Math.abs(e));
    return `${mantissa}e${e < 0 ? "-" : "+"}${digits}`;
  }
  return String(n);
}

/** A float as Go's encoding/json writes it; NaN and infinities cannot be written. */
export function goFloat(n: number, column: string): string {
  if (!Number.isFinite(n)) throw new Error(`column "${column}" holds ${n}, which JSON cannot represent`);
  return String(n);
}
