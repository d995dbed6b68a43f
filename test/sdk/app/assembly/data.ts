import { vectors, DynamicMap, Duration, dgraph, postgresql, graphql, neo4j } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";

/** The cosine similarity of two vectors. */
export function vectorCosine(a: f64[], b: f64[]): f64 {
  return vectors.dot(a, b) / (vectors.magnitude(a) * vectors.magnitude(b));
}

/** The vector scaled to length 1. */
export function vectorNormalize(a: f64[]): f64[] {
  return vectors.normalize(a);
}

/** sum, product, mean, min, max and distance to the origin, "|"-separated. */
export function vectorStats(a: f64[]): string {
  const zero = vectors.multiplyNumber(a, 0.0);
  return [
    vectors.sum(a),
    vectors.product(a),
    vectors.mean(a),
    vectors.min(a),
    vectors.max(a),
    vectors.euclidianDistance(a, zero),
  ].map<string>((n: f64) => n.toString()).join("|");
}

/** Integer vector arithmetic: (a + b - 1) * 2, absolute values. */
export function vectorIntArithmetic(a: i32[], b: i32[]): i32[] {
  const out = vectors.add(a, b);
  vectors.subtractNumberInPlace(out, 1);
  vectors.multiplyNumberInPlace(out, 2);
  return vectors.abs(out);
}

/** Parses a JSON object into a DynamicMap, sets "added" to 1, and serialises it again. */
export function dynamicMapRoundTrip(json: string): string {
  const map = JSON.parse<DynamicMap>(json);
  map.set("added", 1);
  return JSON.stringify(map);
}

/** Reads the string value `key` of a JSON object through a DynamicMap. */
export function dynamicMapGetString(json: string, key: string): string {
  return JSON.parse<DynamicMap>(json).get<string>(key);
}

/** `seconds` as a Duration (nanoseconds). */
export function durationOfSeconds(seconds: i64): i64 {
  return seconds * Duration.second;
}

/** A value escaped for an RDF string literal. */
export function escapeRdf(value: string): string {
  return dgraph.escapeRDF(value);
}

/** A point as the JSON the SQL host receives. */
export function sqlPointJson(x: f64, y: f64): string {
  return JSON.stringify(new postgresql.Point(x, y));
}

/** A location parsed from its JSON text form, as "longitude,latitude". */
export function sqlParseLocation(json: string): string {
  const loc = JSON.parse<postgresql.Location>(json);
  return `${loc.longitude},${loc.latitude}`;
}

/** Positional and named parameters as the JSON the hosts receive, "|"-separated. */
export function queryParamsJson(text: string, n: i32): string {
  const positional = new postgresql.Params();
  positional.push(text);
  positional.push(n);
  positional.push<string | null>(null);
  const named = new graphql.Variables();
  named.set("text", text);
  named.set("n", n);
  return positional.toJSON() + "|" + named.toJSON();
}

/** A Neo4j record holding a node, read back through `getValue<Node>`. */
export function neo4jNodeLabels(nodeJson: string): string {
  const record = new neo4j.Record();
  record.keys = ["n"];
  record.values = [nodeJson];
  const node = record.getValue<neo4j.Node>("n");
  return node.labels.join(",") + "|" + node.getProperty<string>("name") + "|" + JSON.stringify(record);
}
