import { describe, expect, it } from "vitest";
import { ModelError, buildRequestForConnection, parseManifest, resolveModel, type Manifest } from "../../src/manifest";

const MANIFEST = parseManifest(
  JSON.stringify({
    models: {
      "text-generator": { sourceModel: "gpt-4o", connection: "openai", path: "chat/completions" },
      "slashed-path": { connection: "openai", path: "/embeddings" },
      embedder: { connection: "embed" },
    },
    connections: {
      openai: { type: "http", baseUrl: "https://api.openai.com/v1/", headers: { Authorization: "Bearer {{API_KEY}}" } },
      embed: { type: "http", endpoint: "https://embed.example.com/v1/embed?model=small" },
      db: { type: "postgresql", connString: "postgresql://localhost:5432/db" },
    },
  }),
);

describe("resolveModel", () => {
  it("joins the connection's baseUrl and the model's path", () => {
    expect(resolveModel(MANIFEST, "text-generator")).toEqual({
      model: { sourceModel: "gpt-4o", connection: "openai", path: "chat/completions" },
      connectionName: "openai",
      connection: MANIFEST.connections!.openai,
      url: "https://api.openai.com/v1/chat/completions",
    });
  });

  it("joins with a single slash when the path starts with one", () => {
    expect(resolveModel(MANIFEST, "slashed-path").url).toBe("https://api.openai.com/v1/embeddings");
  });

  it("uses an endpoint connection's URL as it is", () => {
    expect(resolveModel(MANIFEST, "embedder").url).toBe("https://embed.example.com/v1/embed?model=small");
  });

  it("gives a URL buildRequestForConnection sends with the connection's headers and override", () => {
    const { connectionName: name, connection, url } = resolveModel(MANIFEST, "text-generator");
    const env = { MODUS_OPENAI_API_KEY: "sk-1", MODUS_OPENAI_ORIGIN: "http://localhost:9999" };
    const request = buildRequestForConnection({ name, connection, url, env });
    expect(request.url).toBe("http://localhost:9999/v1/chat/completions");
    expect(request.headers.get("authorization")).toBe("Bearer sk-1");
  });

  // Manifests that skipped parseManifest (a cast JSON import) still get clear errors.
  const unchecked = {
    models: {
      orphan: { connection: "missing" },
      "on-db": { connection: "db" },
      "no-path": { connection: "openai" },
      "extra-path": { connection: "embed", path: "x" },
    },
    connections: MANIFEST.connections,
  } as Manifest;

  it.each([
    [MANIFEST, "nope", 'model "nope" is not declared in modus.json'],
    [MANIFEST, "constructor", 'model "constructor" is not declared in modus.json'],
    [{}, "text-generator", 'model "text-generator" is not declared in modus.json'],
    [unchecked, "orphan", 'model "orphan" uses connection "missing", which is not declared in modus.json'],
    [unchecked, "on-db", 'model "on-db" uses connection "db", which is a postgresql connection, not http'],
    [unchecked, "no-path", 'model "no-path" uses connection "openai", which has a baseUrl, so the model needs a path'],
    [
      unchecked,
      "extra-path",
      'model "extra-path" uses connection "embed", which has an endpoint (a full URL), so the model cannot have a path',
    ],
  ] as [Manifest, string, string][])("refuses %#: %s", (manifest, name, message) => {
    expect(() => resolveModel(manifest, name)).toThrow(new ModelError(message));
  });
});
