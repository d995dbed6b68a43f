// Finding 4: Yoga's default CORS echoed any Origin with credentials allowed,
// form and multipart POSTs ran mutations, and preflights got 404/401 because
// auth ran first.
import { describe, expect, it } from "vitest";
import { requestWithEnv, testEnv } from "../helpers";
import { send, stubRequests } from "./worker";

// The example app's endpoint needs a bearer token outside dev.
const PRODUCTION = { MODUS_ENV: "production", MODUS_PEMS: testEnv.TEST_PEMS! };
const preflight = (origin: string) => ({
  method: "OPTIONS",
  headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, authorization" },
});
const post = (origin: string) => ({
  method: "POST",
  headers: { Origin: origin, "content-type": "application/json" },
  body: JSON.stringify({ query: "{ work(n: 1) }" }),
});

describe("CORS", () => {
  it("answers a preflight before auth, and by default allows no other origin", async () => {
    const res = await requestWithEnv(PRODUCTION, "/graphql", preflight("https://evil.example"));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    // The same request without the preflight is still refused by auth.
    const unauthenticated = await requestWithEnv(PRODUCTION, "/graphql", post("https://evil.example"));
    expect(unauthenticated.status).toBe(401);
  });

  it("does not echo an Origin, nor allow credentials, by default", async () => {
    const res = await send("/graphql", post("https://evil.example"));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("allows the origins MODUS_CORS_ORIGINS lists, without credentials unless asked", async () => {
    const env = { ...PRODUCTION, MODUS_CORS_ORIGINS: "https://app.example.com, https://admin.example.com" };
    const ok = await requestWithEnv(env, "/graphql", preflight("https://app.example.com"));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(ok.headers.get("access-control-allow-headers")).toBe("Content-Type,Accept,Authorization,X-Time-Zone");
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    expect(ok.headers.get("vary")).toContain("Origin");
    const other = await requestWithEnv(env, "/graphql", preflight("https://evil.example"));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const answer = await send("/graphql", post("https://app.example.com"), { MODUS_CORS_ORIGINS: "https://app.example.com" });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const credentialed = await send("/graphql", post("https://app.example.com"), {
      MODUS_CORS_ORIGINS: "https://app.example.com",
      MODUS_CORS_CREDENTIALS: "true",
    });
    expect(credentialed.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it.each([
    [{ MODUS_CORS_ORIGINS: "app.example.com" }, 'MODUS_CORS_ORIGINS lists "app.example.com", which is not an origin such as https://app.example.com'],
    [{ MODUS_CORS_ORIGINS: "https://app.example.com/" }, 'MODUS_CORS_ORIGINS lists "https://app.example.com/", which is not an origin such as https://app.example.com'],
    [{ MODUS_CORS_ORIGINS: "*", MODUS_CORS_CREDENTIALS: "true" }, "MODUS_CORS_CREDENTIALS=true cannot be combined with MODUS_CORS_ORIGINS=*: name the origins"],
    [{ MODUS_CORS_CREDENTIALS: "yes" }, 'MODUS_CORS_CREDENTIALS must be "true" or "false", not "yes"'],
  ])("refuses a setting it cannot read (%j) with a 503 naming it", async (env, message) => {
    const res = await send("/graphql", post("https://app.example.com"), env);
    expect(res.status).toBe(503);
    expect(res.body.errors[0]).toEqual({ message, extensions: { code: "UNAVAILABLE" } });
  });
});

describe("what a cross-site page can send", () => {
  const mutation = (tag: string) => `mutation { postText(url: "https://vault.example.com/echo/api/${tag}", body: "x") }`;

  it.each([
    ["application/x-www-form-urlencoded", (q: string) => `query=${encodeURIComponent(q)}`],
    ["text/plain", (q: string) => JSON.stringify({ query: q })],
    ["multipart/form-data; boundary=x", (q: string) => `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--x--\r\n`],
  ])("a %s POST is refused (415) and runs nothing", async (type, encode) => {
    const tag = `csrf-${crypto.randomUUID().slice(0, 8)}`;
    const res = await send("/graphql", { method: "POST", headers: { "content-type": type }, body: encode(mutation(tag)) });
    expect(res.status).toBe(415);
    expect(res.body.errors[0]).toEqual({
      message: `a POST to /graphql must be application/json or application/graphql-response+json, not Content-Type ${type.split(";")[0]}`,
      extensions: { code: "UNSUPPORTED_MEDIA_TYPE" },
    });
    expect((await stubRequests()).some((r) => r.url.includes(tag))).toBe(false);
  });

  it("a POST without a content type is refused too", async () => {
    const res = await send("/graphql", { method: "POST", body: JSON.stringify({ query: "{ work(n: 1) }" }) });
    expect(res.status).toBe(415);
  });

  it("JSON POSTs run, and GET runs queries but not mutations", async () => {
    const json = await send("/graphql", {
      method: "POST",
      headers: { "content-type": "application/graphql-response+json; charset=utf-8" },
      body: JSON.stringify({ query: "{ work(n: 1) }" }),
    });
    expect(json.body.data).toEqual({ work: expect.any(Number) });
    const get = await send(`/graphql?query=${encodeURIComponent("{ work(n: 1) }")}`);
    expect(get.body.data).toEqual({ work: expect.any(Number) });
    const tag = `get-${crypto.randomUUID().slice(0, 8)}`;
    const getMutation = await send(`/graphql?query=${encodeURIComponent(mutation(tag))}`);
    expect(getMutation.status).toBe(405);
    expect((await stubRequests()).some((r) => r.url.includes(tag))).toBe(false);
  });
});
