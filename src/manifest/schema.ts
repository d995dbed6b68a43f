// modus.json's shape, restated from Modus 0.18's JSON Schema as data.
// Deliberate differences are marked "unlike Modus" and listed in README.md.
import {
  canParseUrl,
  map,
  matches,
  nonEmpty,
  object,
  oneOf,
  oneOfBy,
  text,
  type Condition,
  type Rule,
} from "./rules";
import { collectionRule } from "./collections";

/** Names of endpoints, models and connections. */
export const NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
export const NAME_MAX_LENGTH = 63;

/** Paths the runtime answers itself. */
export const RESERVED_PATHS = ["/health", "/metrics"];

/** Models on this connection are hosted by Hypermode, which a Worker cannot reach. */
export const HYPERMODE_CONNECTION = "hypermode";

const NAME_RULES: Condition[] = [
  matches(NAME_PATTERN, "name must be letters and digits, optionally joined by single hyphens"),
  [(s) => s.length <= NAME_MAX_LENGTH, `name must be at most ${NAME_MAX_LENGTH} characters`],
];

const httpUrl: Condition = [
  (s) => /^https?:\/\/\S+$/.test(s) && canParseUrl(s),
  "must be an http:// or https:// URL",
];

// RFC 9110 token characters; unlike Modus, whose pattern's `+-.` range also lets a comma through.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// Connection-string URIs: scheme, optional user info, host, port, one path segment, query.
const DATABASE_URIS = {
  postgresql: { schemes: ["postgres", "postgresql"], host: "0-9a-zA-Z.{}_-", example: "postgresql://user:password@localhost:5432/mydb" },
  mysql: { schemes: ["mysql"], host: "0-9a-zA-Z.-", example: "mysql://user:password@localhost:3306/mydb" },
  dgraph: { schemes: ["dgraph"], host: "0-9a-zA-Z.-", example: "dgraph://localhost:9080" },
  neo4j: { schemes: ["neo4j", "neo4j+s", "bolt"], host: "0-9a-zA-Z.-", example: "neo4j://localhost:7687" },
};

function databaseUri(kind: keyof typeof DATABASE_URIS): Condition {
  const { schemes, host, example } = DATABASE_URIS[kind];
  const scheme = schemes.map((s) => s.replace("+", "\\+")).join("|");
  const pattern = new RegExp(`^(?:${scheme})://(?:.*@)?[${host}]*(?::\\d+)?(?:/[0-9a-zA-Z.-]+)?(?:\\?.+)?$`);
  const listed = schemes.map((s) => `${s}://`);
  const choices = listed.length > 1 ? `${listed.slice(0, -1).join(", ")} or ${listed.at(-1)}` : listed[0];
  return matches(pattern, `must be a ${choices} URI, such as ${example}`);
}

// Unlike Modus's pattern, which refuses dotted hosts without a hyphen (dgraph.example.com:9080).
const GRPC_TARGET = /^[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?:\d+$/;

const required = (rule: Rule) => ({ rule, required: true });
const optional = (rule: Rule) => ({ rule });

const endpoint = object({
  fields: {
    type: required(text(oneOf("graphql"))),
    path: required(
      text(
        [(s) => s.startsWith("/"), 'must start with "/"'],
        [(s) => !/\s/.test(s), "must not contain whitespace"],
        [(s) => !RESERVED_PATHS.includes(s), (s) => `must not be "${s}", which the runtime serves itself`],
      ),
    ),
    auth: required(text(oneOf("bearer-token", "none"))),
  },
});

const connectionType = (type: string) => required(text(oneOf(type)));

/** Each connection type's fields; `type` picks the row. */
export const CONNECTION_SHAPES: Record<string, Rule> = {
  http: object({
    fields: {
      type: connectionType("http"),
      baseUrl: optional(text(httpUrl, [(s) => s.endsWith("/"), 'must end with "/"'])),
      endpoint: optional(text(httpUrl)),
      headers: optional(map([matches(HEADER_NAME, "is not a valid header name")], text(nonEmpty))),
      queryParameters: optional(map([[(s) => s.length > 0, "name must not be empty"]], text(nonEmpty))),
    },
    exactlyOne: ["baseUrl", "endpoint"],
  }),
  postgresql: object({
    fields: { type: connectionType("postgresql"), connString: required(text(databaseUri("postgresql"))) },
  }),
  mysql: object({
    fields: { type: connectionType("mysql"), connString: required(text(databaseUri("mysql"))) },
  }),
  dgraph: object({
    fields: {
      type: connectionType("dgraph"),
      connString: optional(text(databaseUri("dgraph"))),
      grpcTarget: optional(text(matches(GRPC_TARGET, "must be host:port, such as localhost:9080"))),
      key: optional(text(nonEmpty)),
    },
    exactlyOne: ["connString", "grpcTarget"],
    onlyWith: { key: "grpcTarget" },
  }),
  neo4j: object({
    fields: {
      type: connectionType("neo4j"),
      dbUri: required(text(databaseUri("neo4j"))),
      username: required(text(nonEmpty)),
      password: required(text(nonEmpty)),
    },
  }),
};

const modelShape = object({
  fields: {
    sourceModel: optional(text(nonEmpty)),
    connection: required(
      text(
        matches(NAME_PATTERN, "must be a connection name: letters and digits, optionally joined by single hyphens"),
        [(s) => s.length <= NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`],
      ),
    ),
    path: optional(text(nonEmpty)),
  },
});

// Modus also accepts Hypermode-hosted models; a Worker has no way to reach
// them, so that is refused here rather than at the first call.
const model: Rule = (value, path, report) => {
  if (typeof value === "object" && value !== null && (value as Record<string, unknown>).connection === HYPERMODE_CONNECTION) {
    return report([...path, "connection"], `"${HYPERMODE_CONNECTION}" (Hypermode-hosted models) is not supported by modus-edge; use an http connection`);
  }
  modelShape(value, path, report);
};

/** The whole document. */
export const MANIFEST: Rule = object({
  fields: {
    $schema: optional(text([canParseUrl, "must be a URI"])),
    endpoints: optional(map(NAME_RULES, endpoint)),
    models: optional(map(NAME_RULES, model)),
    connections: optional(map(NAME_RULES, oneOfBy("type", CONNECTION_SHAPES))),
    collections: optional(map(NAME_RULES, collectionRule(NAME_RULES))),
  },
});
