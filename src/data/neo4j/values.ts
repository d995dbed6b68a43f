// Neo4j's typed JSON (Query API, application/vnd.neo4j.query.v1.1) as the JSON
// Modus writes for the Go driver's values: nodes {Id, ElementId, Labels, Props},
// relationships, paths {Nodes, Relationships}, points {X, Y, SpatialRefId},
// durations {Months, Days, Seconds, Nanos}; dates and local times as Go writes
// the driver's named time types ({}); zoned date-times as RFC 3339.
import { goJson } from "../sql/json";

/** One typed value: `{ "$type": "Integer", "_value": "42" }`. */
export interface Typed {
  $type: string;
  _value: unknown;
}

/**
 * The Go driver's JSON for one typed value.
 *
 * @example goValue({ $type: "Integer", _value: "42" }) // "42"
 */
export function goValue(v: Typed): string {
  const value = v._value;
  switch (v.$type) {
    case "Null":
      return "null";
    case "Boolean":
      return value ? "true" : "false";
    case "Integer":
      return String(value);
    case "Float": {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`the float ${String(value)} cannot be written as JSON`);
      return String(n);
    }
    case "String":
    case "Base64":
      return JSON.stringify(value);
    case "List":
      return "[" + (value as Typed[]).map(goValue).join(",") + "]";
    case "Map":
      return props(value as Record<string, Typed>);
    case "Date":
    case "Time":
    case "LocalTime":
    case "LocalDateTime":
      return "{}";
    case "OffsetDateTime":
    case "ZonedDateTime":
      return JSON.stringify(String(value).replace(/\[[^\]]*\]$/, ""));
    case "Duration":
      return duration(String(value));
    case "Point":
      return point(String(value));
    case "Node":
      return node(value as RawNode);
    case "Relationship":
      return relationship(value as RawRelationship);
    case "Path":
      return path(value as Typed[]);
    default:
      return JSON.stringify(value);
  }
}

interface RawNode {
  _element_id: string;
  _labels: string[];
  _properties: Record<string, Typed>;
}

interface RawRelationship {
  _element_id: string;
  _start_node_element_id: string;
  _end_node_element_id: string;
  _type: string;
  _properties: Record<string, Typed>;
}

// Properties are a Go map: keys sorted.
function props(map: Record<string, Typed>): string {
  const keys = Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + goValue(map[k]!)).join(",") + "}";
}

// The legacy numeric id is the last part of an element id ("4:uuid:12" -> 12).
const legacyId = (elementId: string) => {
  const n = Number(elementId.slice(elementId.lastIndexOf(":") + 1));
  return Number.isInteger(n) ? n : -1;
};

function node(n: RawNode): string {
  return `{"Id":${legacyId(n._element_id)},"ElementId":${JSON.stringify(n._element_id)},"Labels":${goJson(n._labels)},"Props":${props(n._properties)}}`;
}

function relationship(r: RawRelationship): string {
  return (
    `{"Id":${legacyId(r._element_id)},"ElementId":${JSON.stringify(r._element_id)},` +
    `"StartId":${legacyId(r._start_node_element_id)},"StartElementId":${JSON.stringify(r._start_node_element_id)},` +
    `"EndId":${legacyId(r._end_node_element_id)},"EndElementId":${JSON.stringify(r._end_node_element_id)},` +
    `"Type":${JSON.stringify(r._type)},"Props":${props(r._properties)}}`
  );
}

function path(items: Typed[]): string {
  const nodes = items.filter((i) => i.$type === "Node").map((i) => node(i._value as RawNode));
  const rels = items.filter((i) => i.$type === "Relationship").map((i) => relationship(i._value as RawRelationship));
  return `{"Nodes":[${nodes.join(",")}],"Relationships":[${rels.join(",")}]}`;
}

/** "SRID=7203;POINT (1.2 3.4)" or "SRID=9157;POINT Z (1 2 3)". */
function point(text: string): string {
  const m = /^SRID=(\d+);POINT(?: Z)? \(([^)]*)\)$/.exec(text);
  if (!m) return JSON.stringify(text);
  const [x, y, z] = m[2]!.trim().split(/\s+/).map(Number);
  const xyz = z === undefined ? `"X":${x},"Y":${y}` : `"X":${x},"Y":${y},"Z":${z}`;
  return `{${xyz},"SpatialRefId":${m[1]}}`;
}

/** ISO 8601 "P1Y2M3DT4H5M6.5S" -> the driver's Duration struct. */
function duration(text: string): string {
  const m = /^(-)?P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m) return JSON.stringify(text);
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  const sign = m[1] ? -1 : 1;
  const months = sign * (n(m[2]) * 12 + n(m[3]));
  const days = sign * (n(m[4]) * 7 + n(m[5]));
  const total = sign * (n(m[6]) * 3600 + n(m[7]) * 60 + n(m[8]));
  const seconds = Math.floor(total);
  const nanos = Math.round((total - seconds) * 1e9);
  return `{"Months":${months},"Days":${days},"Seconds":${seconds},"Nanos":${nanos}}`;
}
