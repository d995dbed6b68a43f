import { describe, expect, it } from "vitest";
import {
  SecretError,
  appSecret,
  assertSecrets,
  parseManifest,
  requiredSecrets,
  resolveConnection,
  resolveTemplates,
  templateNames,
} from "../../src/manifest";

const ENV = {
  MODUS_OPENAI_API_KEY: "sk-live-123",
  MODUS_OPENAI_ORG: "org-9",
  MODUS_OPENAI_NESTED: "{{API_KEY}}",
  MODUS_MY_DB_USER: "admin",
  MODUS_MY_DB_PASS: "pä55:word",
  MODUS_APP_GREETING: "hello",
  MODUS_EMPTY_TOKEN: "",
  MODUS_BOUND_TOKEN: { not: "a string" },
};

describe("resolveTemplates", () => {
  const CASES: [string, string, string, string][] = [
    ["a plain value", "openai", "application/json", "application/json"],
    ["one template", "openai", "Bearer {{API_KEY}}", "Bearer sk-live-123"],
    ["whitespace inside the braces", "openai", "Bearer {{  API_KEY }}", "Bearer sk-live-123"],
    ["several templates in one value", "openai", "{{API_KEY}}/{{ORG}}/{{API_KEY}}", "sk-live-123/org-9/sk-live-123"],
    ["base64 of user:pass (UTF-8)", "my-db", "Basic {{base64(USER:PASS)}}", `Basic ${btoa("admin:p\xc3\xa455:word")}`],
    ["base64 with whitespace", "my-db", "Basic {{ base64( USER : PASS ) }}", `Basic ${btoa("admin:p\xc3\xa455:word")}`],
    ["a hyphenated connection name", "my-db", "postgresql://{{USER}}:{{PASS}}@db:5432/x", "postgresql://admin:pä55:word@db:5432/x"],
    ["single braces left alone", "openai", "{API_KEY}", "{API_KEY}"],
    ["a secret that looks like a template is not expanded again", "openai", "x {{NESTED}}", "x {{API_KEY}}"],
  ];

  it.each(CASES)("%s", (_, connection, value, expected) => {
    expect(resolveTemplates(value, connection, ENV)).toBe(expected);
  });

  const MISSING: [string, string, string, string[]][] = [
    ["an unset variable", "openai", "Bearer {{TOKEN}}", ["MODUS_OPENAI_TOKEN"]],
    ["an empty variable", "empty", "{{TOKEN}}", ["MODUS_EMPTY_TOKEN"]],
    ["a binding that is not a string", "bound", "{{TOKEN}}", ["MODUS_BOUND_TOKEN"]],
    ["both halves of a base64 pair", "other-db", "{{base64(USER:PASS)}}", ["MODUS_OTHER_DB_USER", "MODUS_OTHER_DB_PASS"]],
    ["one half of a base64 pair", "my-db", "{{base64(USER:PIN)}}", ["MODUS_MY_DB_PIN"]],
  ];

  it.each(MISSING)("throws SecretError for %s", (_, connection, value, variables) => {
    const error = catchSecretError(() => resolveTemplates(value, connection, ENV));
    expect(error.variables).toEqual(variables);
    expect(error.message).toBe(
      variables.length === 1
        ? `connection "${connection}" needs secret ${variables[0]}, which is not set`
        : `connection "${connection}" needs secrets ${variables.join(", ")}, which are not set`,
    );
  });

  it("names the variable but never a secret value, even when other secrets resolve", () => {
    const error = catchSecretError(() => resolveTemplates("{{API_KEY}} {{ORG}} {{MISSING}}", "openai", ENV));
    expect(error.message).toBe('connection "openai" needs secret MODUS_OPENAI_MISSING, which is not set');
    for (const secret of ["sk-live-123", "org-9"]) expect(error.message).not.toContain(secret);
  });
});

describe("templateNames", () => {
  it.each([
    ["Bearer {{API_KEY}}", ["API_KEY"]],
    ["{{base64(USER:PASS)}} {{ USER }}", ["USER", "PASS"]],
    ["no templates", []],
  ] as [string, string[]][])("%s", (value, names) => {
    expect(templateNames(value)).toEqual(names);
  });
});

const MANIFEST = parseManifest(
  JSON.stringify({
    connections: {
      openai: {
        type: "http",
        baseUrl: "https://api.openai.com/v1/",
        headers: { Authorization: "Bearer {{API_KEY}}", "OpenAI-Organization": "{{ORG}}" },
        queryParameters: { key: "{{API_KEY}}" },
      },
      "my-db": { type: "postgresql", connString: "postgresql://{{USER}}:{{PASS}}@db:5432/x" },
      graph: { type: "neo4j", dbUri: "neo4j://graph:7687", username: "{{USERNAME}}", password: "{{PASSWORD}}" },
      dg: { type: "dgraph", grpcTarget: "localhost:9080", key: "{{KEY}}" },
    },
  }),
);

describe("requiredSecrets", () => {
  it("lists every variable once, with every place it is used", () => {
    expect(requiredSecrets(MANIFEST)).toEqual([
      {
        variable: "MODUS_OPENAI_API_KEY",
        connection: "openai",
        usedAt: ["connections.openai.headers.Authorization", "connections.openai.queryParameters.key"],
      },
      { variable: "MODUS_OPENAI_ORG", connection: "openai", usedAt: ['connections.openai.headers["OpenAI-Organization"]'] },
      { variable: "MODUS_MY_DB_USER", connection: "my-db", usedAt: ['connections["my-db"].connString'] },
      { variable: "MODUS_MY_DB_PASS", connection: "my-db", usedAt: ['connections["my-db"].connString'] },
      { variable: "MODUS_GRAPH_USERNAME", connection: "graph", usedAt: ["connections.graph.username"] },
      { variable: "MODUS_GRAPH_PASSWORD", connection: "graph", usedAt: ["connections.graph.password"] },
      { variable: "MODUS_DG_KEY", connection: "dg", usedAt: ["connections.dg.key"] },
    ]);
  });
});

describe("assertSecrets", () => {
  it("names every missing variable, one line per connection", () => {
    const error = catchSecretError(() => assertSecrets(MANIFEST, ENV));
    expect(error.message).toBe(
      [
        'connection "graph" needs secrets MODUS_GRAPH_USERNAME, MODUS_GRAPH_PASSWORD, which are not set',
        'connection "dg" needs secret MODUS_DG_KEY, which is not set',
      ].join("\n"),
    );
    expect(error.variables).toEqual(["MODUS_GRAPH_USERNAME", "MODUS_GRAPH_PASSWORD", "MODUS_DG_KEY"]);
  });

  it("passes when every secret is set", () => {
    const env = { ...ENV, MODUS_GRAPH_USERNAME: "neo", MODUS_GRAPH_PASSWORD: "pw", MODUS_DG_KEY: "k" };
    expect(() => assertSecrets(MANIFEST, env)).not.toThrow();
  });
});

describe("resolveConnection", () => {
  it("resolves templated fields in a copy, leaving the manifest untouched", () => {
    const env = { ...ENV, MODUS_GRAPH_USERNAME: "neo", MODUS_GRAPH_PASSWORD: "pw" };
    expect(resolveConnection("graph", MANIFEST.connections!.graph!, env)).toEqual({
      type: "neo4j",
      dbUri: "neo4j://graph:7687",
      username: "neo",
      password: "pw",
    });
    expect(resolveConnection("openai", MANIFEST.connections!.openai!, ENV)).toEqual({
      type: "http",
      baseUrl: "https://api.openai.com/v1/",
      headers: { Authorization: "Bearer sk-live-123", "OpenAI-Organization": "org-9" },
      queryParameters: { key: "sk-live-123" },
    });
    expect(MANIFEST.connections!.graph).toMatchObject({ username: "{{USERNAME}}" });
  });
});

describe("appSecret", () => {
  it("reads MODUS_APP_<name>", () => {
    expect(appSecret(ENV, "GREETING")).toBe("hello");
  });

  it.each(["OPENAI_API_KEY", "../OPENAI_API_KEY", ""])("never reaches a connection secret through %j", (name) => {
    const error = catchSecretError(() => appSecret(ENV, name));
    expect(error.message).toBe(`secret "${name}" is not set (env variable MODUS_APP_${name})`);
    expect(error.message).not.toContain("sk-live-123");
  });
});

function catchSecretError(run: () => unknown): SecretError {
  try {
    run();
  } catch (e) {
    if (e instanceof SecretError) return e;
    throw e;
  }
  throw new Error("expected a SecretError");
}
