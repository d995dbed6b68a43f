import { describe, expect, it } from "vitest";
import example from "../../functions/modus.json?raw";
import { ManifestError, parseManifest } from "../../src/manifest";

/** The lines of the ManifestError that `text` raises, checked against its problem list. */
function problemsOf(text: string): string[] {
  try {
    parseManifest(text);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    expect(e.message.split("\n")).toEqual(e.problems.map((p) => `${p.path || "modus.json"}: ${p.message}`));
    return e.message.split("\n");
  }
  throw new Error("expected a ManifestError");
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const endpoint = (over: object = {}) => ({ type: "graphql", path: "/graphql", auth: "none", ...over });
const openai = { type: "http", baseUrl: "https://api.openai.com/v1/", headers: { Authorization: "Bearer {{API_KEY}}" } };

const INVALID: [string, string, string[]][] = [
  ["a missing value", '{\n  "endpoints": {\n    "a": \n  }\n}', ["modus.json: syntax error at 4:3: expected a value"]],
  ["an unclosed object", '{ "endpoints": {}', ['modus.json: syntax error at 1:18: expected "}"']],
  ["an empty file", "", ["modus.json: syntax error at 1:1: expected a value"]],
  ["a top-level array", "[]", ["modus.json: must be an object"]],
  [
    "an unknown top-level key",
    json({ indexes: {} }),
    ["indexes: unknown property; allowed here: $schema, endpoints, models, connections, collections"],
  ],
  ["a $schema that is not a URI", json({ $schema: "modus json" }), ["$schema: must be a URI"]],
  ["endpoints as an array", json({ endpoints: [] }), ["endpoints: must be an object"]],
  [
    "an endpoint name with an underscore",
    json({ endpoints: { bad_name: endpoint() } }),
    ["endpoints.bad_name: name must be letters and digits, optionally joined by single hyphens"],
  ],
  [
    "an endpoint name with a double hyphen",
    json({ endpoints: { "a--b": endpoint() } }),
    ['endpoints["a--b"]: name must be letters and digits, optionally joined by single hyphens'],
  ],
  [
    "a 64-character name",
    json({ endpoints: { ["e".repeat(64)]: endpoint() } }),
    [`endpoints.${"e".repeat(64)}: name must be at most 63 characters`],
  ],
  ["an endpoint type other than graphql", json({ endpoints: { a: endpoint({ type: "rest" }) } }), ['endpoints.a.type: must be "graphql"']],
  ["a path without a leading slash", json({ endpoints: { a: endpoint({ path: "graphql" }) } }), ['endpoints.a.path: must start with "/"']],
  [
    "the /health path",
    json({ endpoints: { a: endpoint({ path: "/health" }) } }),
    ['endpoints.a.path: must not be "/health", which the runtime serves itself'],
  ],
  [
    "the /metrics path",
    json({ endpoints: { a: endpoint({ path: "/metrics" }) } }),
    ['endpoints.a.path: must not be "/metrics", which the runtime serves itself'],
  ],
  ["a path with a space", json({ endpoints: { a: endpoint({ path: "/graph ql" }) } }), ["endpoints.a.path: must not contain whitespace"]],
  ["an unknown auth", json({ endpoints: { a: endpoint({ auth: "basic" }) } }), ['endpoints.a.auth: must be "bearer-token" or "none"']],
  [
    "an endpoint without path or auth",
    json({ endpoints: { a: { type: "graphql" } } }),
    ["endpoints.a.path: is required", "endpoints.a.auth: is required"],
  ],
  [
    "an endpoint with an extra property",
    json({ endpoints: { a: endpoint({ cors: true }) } }),
    ["endpoints.a.cors: unknown property; allowed here: type, path, auth"],
  ],
  [
    "two endpoints on one path",
    json({ endpoints: { a: endpoint(), b: endpoint({ auth: "bearer-token" }) } }),
    ['endpoints.b.path: "/graphql" is already the path of endpoint "a"'],
  ],
  ["a connection without a type", json({ connections: { x: { baseUrl: "https://x.dev/" } } }), ["connections.x.type: is required"]],
  [
    "an unknown connection type",
    json({ connections: { x: { type: "redis" } } }),
    ['connections.x.type: must be one of "http", "postgresql", "mysql", "dgraph", "neo4j"'],
  ],
  [
    "a baseUrl without a trailing slash",
    json({ connections: { openai: { type: "http", baseUrl: "https://api.openai.com/v1" } } }),
    ['connections.openai.baseUrl: must end with "/"'],
  ],
  [
    "a baseUrl that is not http",
    json({ connections: { x: { type: "http", baseUrl: "ftp://files.example.com/" } } }),
    ["connections.x.baseUrl: must be an http:// or https:// URL"],
  ],
  [
    "both baseUrl and endpoint",
    json({ connections: { x: { type: "http", baseUrl: "https://x.dev/", endpoint: "https://x.dev/api" } } }),
    ['connections.x: must have only one of "baseUrl" and "endpoint"'],
  ],
  ["neither baseUrl nor endpoint", json({ connections: { x: { type: "http" } } }), ['connections.x: needs "baseUrl" or "endpoint"']],
  [
    "an endpoint without a scheme",
    json({ connections: { x: { type: "http", endpoint: "api.example.com/graphql" } } }),
    ["connections.x.endpoint: must be an http:// or https:// URL"],
  ],
  [
    "a bad header name and an empty header value (odd keys quoted)",
    json({ connections: { "my-api": { type: "http", baseUrl: "https://x.dev/", headers: { "X Key": "1", "X-Empty": "" } } } }),
    ['connections["my-api"].headers["X Key"]: is not a valid header name', 'connections["my-api"].headers["X-Empty"]: must not be empty'],
  ],
  [
    "a query parameter that is a number",
    json({ connections: { x: { type: "http", baseUrl: "https://x.dev/", queryParameters: { limit: 5 } } } }),
    ["connections.x.queryParameters.limit: must be a string"],
  ],
  ["postgresql without connString", json({ connections: { db: { type: "postgresql" } } }), ["connections.db.connString: is required"]],
  [
    "postgresql with a mysql URI",
    json({ connections: { db: { type: "postgresql", connString: "mysql://localhost/db" } } }),
    ["connections.db.connString: must be a postgres:// or postgresql:// URI, such as postgresql://user:password@localhost:5432/mydb"],
  ],
  [
    "mysql with a path of two segments",
    json({ connections: { db: { type: "mysql", connString: "mysql://localhost:3306/a/b" } } }),
    ["connections.db.connString: must be a mysql:// URI, such as mysql://user:password@localhost:3306/mydb"],
  ],
  [
    "dgraph with connString and grpcTarget",
    json({ connections: { g: { type: "dgraph", connString: "dgraph://localhost:9080", grpcTarget: "localhost:9080" } } }),
    ['connections.g: must have only one of "connString" and "grpcTarget"'],
  ],
  [
    "dgraph with a key but no grpcTarget",
    json({ connections: { g: { type: "dgraph", connString: "dgraph://localhost:9080", key: "{{KEY}}" } } }),
    ['connections.g.key: is only allowed with "grpcTarget"'],
  ],
  [
    "dgraph with a grpcTarget lacking a port",
    json({ connections: { g: { type: "dgraph", grpcTarget: "localhost" } } }),
    ["connections.g.grpcTarget: must be host:port, such as localhost:9080"],
  ],
  [
    "neo4j with an http URI and no credentials",
    json({ connections: { graph: { type: "neo4j", dbUri: "http://localhost:7474" } } }),
    [
      "connections.graph.dbUri: must be a neo4j://, neo4j+s:// or bolt:// URI, such as neo4j://localhost:7687",
      "connections.graph.username: is required",
      "connections.graph.password: is required",
    ],
  ],
  [
    "a connection named app",
    json({ connections: { app: { type: "http", endpoint: "https://x.dev/api" } } }),
    ['connections.app: the name "app" is reserved: its secrets would be MODUS_APP_* variables, which functions can read'],
  ],
  [
    "connection names differing only in case",
    json({ connections: { openai: openai, OpenAI: openai } }),
    ['connections.OpenAI: its secrets would share the MODUS_OPENAI_ prefix with connection "openai"'],
  ],
  [
    "a model on an unknown connection",
    json({ models: { m: { sourceModel: "gpt-4o", connection: "openai", path: "chat/completions" } } }),
    ['models.m.connection: there is no connection "openai" in connections'],
  ],
  [
    "a model on a postgresql connection",
    json({
      models: { m: { connection: "db" } },
      connections: { db: { type: "postgresql", connString: "postgresql://localhost:5432/db" } },
    }),
    ['models.m.connection: "db" is a postgresql connection; models need an http connection'],
  ],
  ["a model without a connection", json({ models: { m: { sourceModel: "gpt-4o" } } }), ["models.m.connection: is required"]],
  [
    "a model with a provider (only for Hypermode-hosted models)",
    json({ models: { m: { connection: "openai", provider: "openai", path: "chat/completions" } }, connections: { openai } }),
    ["models.m.provider: unknown property; allowed here: sourceModel, connection, path"],
  ],
  [
    "a Hypermode-hosted model",
    json({ models: { m: { sourceModel: "meta-llama/Llama-3.2-3B-Instruct", provider: "hugging-face", connection: "hypermode" } } }),
    ['models.m.connection: "hypermode" (Hypermode-hosted models) is not supported by modus-edge; use an http connection'],
  ],
  [
    "a model without a path on a baseUrl connection",
    json({ models: { m: { sourceModel: "gpt-4o", connection: "openai" } }, connections: { openai } }),
    ['models.m.path: is required because connection "openai" has a baseUrl'],
  ],
  [
    "a model with a path on an endpoint connection",
    json({
      models: { m: { connection: "chat", path: "v1/chat" } },
      connections: { chat: { type: "http", endpoint: "https://x.dev/v1/chat" } },
    }),
    ['models.m.path: is not allowed because connection "chat" has an endpoint (a full URL)'],
  ],
  [
    "a repeated key",
    '{ "endpoints": { "a": { "type": "graphql", "path": "/a", "auth": "none" }, "a": { "type": "graphql", "path": "/b", "auth": "none" } } }',
    ["endpoints.a: duplicate key (JSON keeps only the last one)"],
  ],
  [
    "a __proto__ key, kept as an ordinary key",
    '{ "__proto__": {} }',
    ["__proto__: unknown property; allowed here: $schema, endpoints, models, connections, collections"],
  ],
  [
    "several problems, schema first then across sections",
    json({
      endpoints: { a: endpoint(), b: endpoint({ auth: "jwt" }) },
      models: { m: { connection: "nope", path: "" } },
      connections: { openai: { type: "http", baseUrl: "https://api.openai.com/v1" } },
    }),
    [
      'endpoints.b.auth: must be "bearer-token" or "none"',
      "models.m.path: must not be empty",
      'connections.openai.baseUrl: must end with "/"',
      'endpoints.b.path: "/graphql" is already the path of endpoint "a"',
      'models.m.connection: there is no connection "nope" in connections',
    ],
  ],
];

describe("parseManifest refuses", () => {
  it.each(INVALID)("%s", (_, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

const EVERY_CONNECTION_TYPE = {
  $schema: "https://schema.hypermode.com/modus.json",
  endpoints: { default: endpoint({ auth: "bearer-token" }), "public-api": endpoint({ path: "/public" }) },
  models: {
    "text-generator": { sourceModel: "gpt-4o", connection: "openai", path: "chat/completions" },
    embedder: { connection: "embeddings" },
  },
  connections: {
    openai: { ...openai, queryParameters: { "api-version": "2024-06-01" } },
    embeddings: { type: "http", endpoint: "https://embed.example.com/v1/embed?model=small" },
    "my-db": { type: "postgresql", connString: "postgresql://{{USER}}:{{PWD}}@db.example.com:5432/data?sslmode=require" },
    shop: { type: "mysql", connString: "mysql://{{USER}}:{{PWD}}@localhost:3306/shop" },
    dg: { type: "dgraph", connString: "dgraph://example.grpc.cloud.dgraph.io:443?sslmode=verify-ca" },
    "dg-grpc": { type: "dgraph", grpcTarget: "dgraph.example.com:9080", key: "{{KEY}}" },
    graph: { type: "neo4j", dbUri: "neo4j+s://graph.example.com", username: "{{USERNAME}}", password: "{{PASSWORD}}" },
  },
};

describe("parseManifest accepts", () => {
  it("the example app's modus.json", () => {
    expect(parseManifest(example).endpoints?.default?.path).toBe("/graphql");
  });

  it("every connection type, returning the document as written", () => {
    expect(parseManifest(json(EVERY_CONNECTION_TYPE))).toEqual(EVERY_CONNECTION_TYPE);
  });

  it("JSON with comments and trailing commas", () => {
    const text = `{
      // The public endpoint.
      "endpoints": {
        "default": { "type": "graphql", "path": "/graphql", "auth": "none", },
      },
      /* Models call OpenAI. */
      "connections": { "openai": { "type": "http", "baseUrl": "https://api.openai.com/", }, },
    }`;
    expect(parseManifest(text)).toEqual({
      endpoints: { default: endpoint() },
      connections: { openai: { type: "http", baseUrl: "https://api.openai.com/" } },
    });
  });

  it("an empty manifest", () => {
    expect(parseManifest("{}")).toEqual({});
  });
});
