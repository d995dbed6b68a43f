import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  SecretError,
  buildRequestForConnection,
  matchHttpConnection,
  originOverride,
  originOverrideName,
  parseManifest,
} from "../../src/manifest";

const MANIFEST = parseManifest(
  JSON.stringify({
    connections: {
      openai: {
        type: "http",
        baseUrl: "https://api.openai.com/v1/",
        headers: { Authorization: "Bearer {{API_KEY}}" },
        queryParameters: { "api-version": "{{VERSION}}" },
      },
      "openai-files": { type: "http", baseUrl: "https://api.openai.com/v1/files/" },
      hook: { type: "http", endpoint: "https://hooks.example.com/notify" },
      internal: { type: "http", baseUrl: "https://internal.example.com:8443/" },
      local: { type: "http", baseUrl: "http://localhost:8787/api/" },
      "my-api": { type: "http", baseUrl: "https://api.example.com/", headers: { "X-Key": "{{KEY}}" } },
      db: { type: "postgresql", connString: "postgresql://localhost:5432/db" },
    },
  }),
);

describe("matchHttpConnection refuses", () => {
  it.each([
    ["user info hiding another host", "https://api.openai.com@evil.com/v1/models"],
    ["credentials for the right host", "https://user:pass@api.openai.com/v1/models"],
    ["a dot-dot segment out of the base", "https://api.openai.com/v1/../admin"],
    ["an encoded dot-dot segment", "https://api.openai.com/v1/%2e%2e/admin"],
    ["an upper-case encoded dot-dot segment", "https://api.openai.com/v1/%2E%2E/admin"],
    ["a half-encoded dot-dot segment", "https://api.openai.com/v1/.%2e/admin"],
    ["an encoded slash after dot-dot", "https://api.openai.com/v1/..%2fadmin"],
    ["an encoded backslash", "https://api.openai.com/v1/..%5cadmin"],
    ["a malformed percent escape", "https://api.openai.com/v1/%zz"],
    ["http instead of https", "http://api.openai.com/v1/models"],
    ["another port", "https://api.openai.com:8443/v1/models"],
    ["the default port where 8443 is declared", "https://internal.example.com/x"],
    ["a host with the allowed host as prefix", "https://api.openai.com.evil.com/v1/models"],
    ["a trailing-dot host", "https://api.openai.com./v1/models"],
    ["a look-alike (Cyrillic) host", "https://\u0430pi.openai.com/v1/models"],
    ["the allowed URL inside another URL's path", "https://evil.com/https://api.openai.com/v1/"],
    ["a backslash before user info", "https://api.openai.com\\@evil.com/v1/"],
    ["backslashes in the path", "https://api.openai.com/v1\\..\\admin"],
    ["a tab the parser would drop", "https://api.open\tai.com/v1/models"],
    ["a space in the path", "https://api.openai.com/v1/a b"],
    ["a path beside the base", "https://api.openai.com/v2/models"],
    ["the base's path in another case (paths are case-sensitive)", "https://api.openai.com/V1/models"],
    ["the base without its trailing slash", "https://api.openai.com/v1"],
    ["more path after an exact endpoint", "https://hooks.example.com/notify/extra"],
    ["a prefix of an exact endpoint", "https://hooks.example.com/notif"],
    ["a scheme other than http(s)", "ftp://api.openai.com/v1/"],
    ["a relative URL", "//api.openai.com/v1/"],
    ["a non-URL", "api.openai.com/v1/models"],
    ["a postgresql connection's host", "http://localhost:5432/db"],
  ])("%s: %s", (_, url) => {
    expect(matchHttpConnection(MANIFEST, url)).toBeNull();
  });
});

describe("matchHttpConnection allows", () => {
  it.each([
    ["a URL under a base", "https://api.openai.com/v1/chat/completions", "openai", "https://api.openai.com/v1/chat/completions"],
    ["the base itself", "https://api.openai.com/v1/", "openai", "https://api.openai.com/v1/"],
    ["scheme and host in upper case", "HTTPS://API.OPENAI.COM/v1/models", "openai", "https://api.openai.com/v1/models"],
    ["the default port written out", "https://api.openai.com:443/v1/models", "openai", "https://api.openai.com/v1/models"],
    ["a dot-dot that stays inside the base", "https://api.openai.com/v1/chat/../models", "openai", "https://api.openai.com/v1/models"],
    ["a query string", "https://api.openai.com/v1/models?limit=2", "openai", "https://api.openai.com/v1/models?limit=2"],
    ["the longest matching base", "https://api.openai.com/v1/files/abc", "openai-files", "https://api.openai.com/v1/files/abc"],
    ["an exact endpoint", "https://hooks.example.com/notify", "hook", "https://hooks.example.com/notify"],
    ["an endpoint with query and fragment", "https://hooks.example.com/notify?x=1#top", "hook", "https://hooks.example.com/notify?x=1#top"],
    ["a declared non-default port", "https://internal.example.com:8443/x", "internal", "https://internal.example.com:8443/x"],
    ["plain http when declared", "http://localhost:8787/api/things", "local", "http://localhost:8787/api/things"],
  ])("%s: %s", (_, url, name, normalised) => {
    expect(matchHttpConnection(MANIFEST, url)).toEqual({ name, connection: MANIFEST.connections![name], url: normalised });
  });
});

const ENV = { MODUS_OPENAI_API_KEY: "sk-live-123", MODUS_OPENAI_VERSION: "2024-06-01", MODUS_MY_API_KEY: "k-1" };

/** The request for a URL the manifest must allow. */
function requestFor(url: string, env: Record<string, unknown> = ENV, headers?: HeadersInit) {
  const match = matchHttpConnection(MANIFEST, url);
  if (!match) throw new Error(`${url} should be allowed`);
  const built = buildRequestForConnection({ ...match, env, headers });
  return { url: built.url, headers: Object.fromEntries(built.headers) };
}

describe("buildRequestForConnection", () => {
  it("adds the connection's headers and query parameters with secrets resolved, keeping the caller's", () => {
    expect(requestFor("https://api.openai.com/v1/models?limit=2", ENV, { accept: "application/json" })).toEqual({
      url: "https://api.openai.com/v1/models?limit=2&api-version=2024-06-01",
      headers: { accept: "application/json", authorization: "Bearer sk-live-123" },
    });
  });

  it("lets the manifest's values win over the caller's", () => {
    const request = requestFor("https://api.openai.com/v1/models?api-version=old", ENV, { Authorization: "Bearer guess" });
    expect(request).toEqual({
      url: "https://api.openai.com/v1/models?api-version=2024-06-01",
      headers: { authorization: "Bearer sk-live-123" },
    });
  });

  it("throws SecretError naming the variable when a secret is missing", () => {
    expect(() => requestFor("https://api.openai.com/v1/models", { MODUS_OPENAI_API_KEY: "sk-live-123" })).toThrow(
      new SecretError('connection "openai" needs secret MODUS_OPENAI_VERSION, which is not set', ["MODUS_OPENAI_VERSION"]),
    );
  });

  it("sends to the MODUS_<CONNECTION>_ORIGIN override, keeping path and query", () => {
    const env = { ...ENV, MODUS_OPENAI_ORIGIN: "http://localhost:9999" };
    expect(requestFor("https://api.openai.com/v1/models?limit=2", env).url).toBe(
      "http://localhost:9999/v1/models?limit=2&api-version=2024-06-01",
    );
  });

  it("reads the override of a hyphenated connection with underscores", () => {
    const env = { ...ENV, MODUS_MY_API_ORIGIN: "http://127.0.0.1:8080/" };
    expect(requestFor("https://api.example.com/a/b", env)).toEqual({
      url: "http://127.0.0.1:8080/a/b",
      headers: { "x-key": "k-1" },
    });
  });

  it("keeps a path that starts with // a path on the override's host", () => {
    const env = { ...ENV, MODUS_MY_API_ORIGIN: "http://localhost:9999" };
    expect(requestFor("https://api.example.com//evil.com/x", env).url).toBe("http://localhost:9999//evil.com/x");
  });
});

describe("originOverride", () => {
  it("names the variable after the connection", () => {
    expect(originOverrideName("open-ai")).toBe("MODUS_OPEN_AI_ORIGIN");
  });

  it("is undefined when unset or empty", () => {
    expect(originOverride({}, "openai")).toBeUndefined();
    expect(originOverride({ MODUS_OPENAI_ORIGIN: "" }, "openai")).toBeUndefined();
  });

  it.each([
    "http://localhost:9999/v1/",
    "http://localhost:9999?x=1",
    "http://localhost:9999/#a",
    "http://user:hunter2@localhost:9999",
    "localhost:9999",
    "ftp://localhost:9999",
  ])("refuses %j without repeating it", (value) => {
    const run = () => originOverride({ MODUS_OPENAI_ORIGIN: value }, "openai");
    expect(run).toThrow(
      new ConnectionError("MODUS_OPENAI_ORIGIN must be an http(s) origin such as http://localhost:8787, with no path, query or user info"),
    );
  });
});
