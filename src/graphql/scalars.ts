import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
// Plain errors: graphql-js then attaches the offending value node, which
// useArgumentErrors uses to name the argument.
const invalid = (message: string) => new TypeError(message);

// JSON.rawJSON lets an exact 64-bit integer leave as a JSON number, as Modus
// writes it; a runtime without it sends the decimal string instead.
const rawJSON = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;

function integerScalar(name: string, min: bigint, max: bigint): GraphQLScalarType {
  const check = (v: bigint): bigint => {
    if (v < min || v > max) throw invalid(`${name} cannot represent ${v}: out of range ${min} to ${max}`);
    return v;
  };
  const parse = (value: unknown): bigint => {
    if (typeof value === "bigint") return check(value);
    if (typeof value === "number" && Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) throw invalid(`${name} cannot represent ${value} exactly: pass it as a string`);
      return check(BigInt(value));
    }
    if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return check(BigInt(value.trim()));
    throw invalid(`${name} cannot represent ${JSON.stringify(value)}: expected an integer or a string of digits`);
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => {
      const v = parse(value);
      if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
      return rawJSON ? rawJSON(v.toString()) : v.toString();
    },
    parseValue: parse,
    parseLiteral: (node: ValueNode) => {
      if (node.kind === Kind.INT || node.kind === Kind.STRING) return parse(node.kind === Kind.INT ? BigInt(node.value) : node.value);
      throw invalid(`${name} cannot represent a ${node.kind.toLowerCase()} value`);
    },
  });
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function parseTimestamp(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" && ISO_8601.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw invalid(`Timestamp cannot represent ${JSON.stringify(value)}: expected an ISO-8601 date-time such as 2024-01-31T12:00:00Z`);
}

/**
 * The custom scalars of Modus schemas, by name. None has a description: Modus
 * declares bare scalars, and a description would show in introspection.
 */
export const customScalars: ReadonlyMap<string, GraphQLScalarType> = new Map(
  [
    integerScalar("Int64", -(1n << 63n), (1n << 63n) - 1n),
    integerScalar("UInt64", 0n, (1n << 64n) - 1n),
    integerScalar("UInt", 0n, 4294967295n),
    new GraphQLScalarType({
      name: "Timestamp",
      serialize: (value) => parseTimestamp(value).toISOString(),
      parseValue: parseTimestamp,
      parseLiteral: (node) => {
        if (node.kind !== Kind.STRING) throw invalid("Timestamp must be given as an ISO-8601 string");
        return parseTimestamp(node.value);
      },
    }),
    new GraphQLScalarType({
      name: "Void",
      serialize: () => null,
      parseValue: () => null,
      parseLiteral: () => null,
    }),
  ].map((s) => [s.name, s] as const),
);
