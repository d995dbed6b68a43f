// Postgres values, as text, rendered as the JSON Modus returns for them: pgx
// decodes each column to a Go value and goccy/go-json writes it.
import { goFloat, goFormatG, goJson } from "../json";
import { ARRAY_ELEMENTS, parseArray, type ArrayItem } from "./arrays";

type Render = (text: string, column: string) => string;

const number: Render = (t) => t;
const string: Render = (t) => JSON.stringify(t);

// pgx returns infinite dates and timestamps as its InfinityModifier (an int8).
const infinite = (t: string) => (t === "infinity" ? "1" : t === "-infinity" ? "-1" : undefined);

/** timestamp, "2024-01-02 03:04:05.5" -> a Go time.Time in UTC, RFC 3339. */
const timestamp: Render = (t) => infinite(t) ?? JSON.stringify(t.replace(" ", "T") + "Z");

/** timestamptz, read with TimeZone=UTC: "2024-01-02 03:04:05+00". */
const timestamptz: Render = (t) => infinite(t) ?? JSON.stringify(t.replace(" ", "T").replace(/\+00(:00)?$/, "Z"));

/** date -> midnight UTC. */
const date: Render = (t) => infinite(t) ?? JSON.stringify(`${t}T00:00:00Z`);

/** bytea "\x0aff" -> Go's []byte, base64. */
const bytea: Render = (t) => {
  const hex = t.slice(2);
  let bin = "";
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return JSON.stringify(btoa(bin));
};

/** numeric: its digits as a bare JSON number; NaN and infinities as strings. */
const numeric: Render = (t) => (/^-?(NaN|Infinity)$/.test(t) ? JSON.stringify(t) : t);

/** point "(1.5,-2)" -> pgtype.Point's JSON, "(%g,%g)". */
const point: Render = (t) => {
  const [x, y] = t.slice(1, -1).split(",").map(Number) as [number, number];
  return JSON.stringify(`(${goFormatG(x)},${goFormatG(y)})`);
};

/** uuid -> pgx returns [16]byte, which Go writes as 16 numbers. */
const uuid: Render = (t) => {
  const hex = t.replace(/-/g, "");
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return "[" + bytes.join(",") + "]";
};

/** time "04:05:06.5" -> pgtype.Time, a struct of microseconds. */
const time: Render = (t) => {
  const [h, m, s] = t.split(":").map(Number) as [number, number, number];
  return `{"Microseconds":${Math.round(((h * 60 + m) * 60 + s) * 1e6)},"Valid":true}`;
};

/** interval "1 year 2 mons -3 days 04:05:06.5" -> pgtype.Interval's struct. */
const interval: Render = (t) => {
  let months = 0;
  let days = 0;
  let micros = 0;
  for (const [, n, unit] of t.matchAll(/(-?\d+) (year|mon|day)s?/g)) {
    if (unit === "year") months += 12 * Number(n);
    else if (unit === "mon") months += Number(n);
    else days += Number(n);
  }
  const clock = /([+-])?(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(t);
  if (clock) {
    const [, sign, h, m, s] = clock;
    micros = Math.round(((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1e6) * (sign === "-" ? -1 : 1);
  }
  return `{"Microseconds":${micros},"Days":${days},"Months":${months},"Valid":true}`;
};

/** inet/cidr -> netip.Prefix, always written with its prefix length. */
const inet: Render = (t) => JSON.stringify(t.includes("/") ? t : `${t}/${t.includes(":") ? 128 : 32}`);

const json: Render = (t) => goJson(JSON.parse(t));

const RENDERERS: Readonly<Record<number, Render>> = {
  16: (t) => (t === "t" ? "true" : "false"),
  17: bytea,
  20: number, 21: number, 23: number, 26: number, 28: number,
  700: (t, c) => goFloat(Number(t), c),
  701: (t, c) => goFloat(Number(t), c),
  1700: numeric,
  114: json, 3802: json,
  1082: date, 1114: timestamp, 1184: timestamptz, 1083: time, 1186: interval,
  600: point, 2950: uuid, 869: inet, 650: inet,
};

/**
 * The JSON of one column value, given its text form and type OID; null for SQL NULL.
 *
 * @example renderValue("(1,2)", 600, "home") // '"(1,2)"'
 */
export function renderValue(text: string | null, oid: number, column: string): string {
  if (text === null) return "null";
  const element = ARRAY_ELEMENTS[oid];
  if (element !== undefined) return renderArray(parseArray(text), element, column);
  return (RENDERERS[oid] ?? string)(text, column);
}

function renderArray(items: ArrayItem[], oid: number, column: string): string {
  return "[" + items.map((x) => (Array.isArray(x) ? renderArray(x, oid, column) : renderValue(x, oid, column))).join(",") + "]";
}
