import { describe, expect, it } from "vitest";
import { requestWithEnv, testEnv } from "../helpers";
const jwks = testEnv.TEST_JWKS_URL!;
const pems = JSON.parse(testEnv.TEST_PEMS!) as Record<string, string>;

async function sign(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${jwks}__sign`, { method: "POST", body: JSON.stringify(body) });
  return ((await res.json()) as { token: string }).token;
}

async function call(extraEnv: Record<string, string>, authorization?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization !== undefined) headers.authorization = authorization;
  return requestWithEnv({ MODUS_ENV: "prod", ...extraEnv }, "/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: '{ sayHello(name: "auth") }' }),
  });
}

const withPems = { MODUS_PEMS: JSON.stringify({ rsa: pems.rsa, ec: pems.ec }) };
const withJwks = { MODUS_JWKS_ENDPOINTS: JSON.stringify({ test: `${jwks}jwks.json` }) };
const base64url = (s: string) => btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

describe("bearer-token auth", () => {
  it("accepts a token signed by an RSA PEM key", async () => {
    const token = await sign({ key: "pem-rsa", claims: { sub: "u1" }, expiresIn: "5m" });
    const r = await call(withPems, `Bearer ${token}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ sayHello: "Hello, auth!" });
  });

  it("accepts a token signed by an EC PEM key", async () => {
    const token = await sign({ key: "pem-ec", claims: { sub: "u2" }, expiresIn: "5m" });
    expect((await call(withPems, `Bearer ${token}`)).status).toBe(200);
  });

  it("accepts a token whose key comes from a JWKS endpoint", async () => {
    const token = await sign({ key: "jwks", claims: { sub: "u3" }, expiresIn: "5m" });
    expect((await call(withJwks, `Bearer ${token}`)).status).toBe(200);
  });

  it("refuses a non-Bearer Authorization header with 400", async () => {
    const r = await call(withPems, "Basic dXNlcjpwYXNz");
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toBe("Invalid JWT token format, Bearer required");
  });

  it("refuses a missing token with 401 and a Bearer challenge", async () => {
    const r = await call(withPems);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="modus"');
    expect(r.body.errors[0].message).toBe("Access Denied: a bearer token is required");
  });

  const refused: [string, () => Promise<string>, string][] = [
    ["an expired token", () => sign({ key: "pem-rsa", expiresIn: "-1m" }), "Access Denied: JWT has expired"],
    ["a token not valid yet", () => sign({ key: "pem-rsa", notBefore: "10m", expiresIn: "20m" }), "Access Denied: JWT is not valid yet"],
    ["a token signed by an unknown key", () => sign({ key: "stranger", expiresIn: "5m" }), "Access Denied: JWT signature is invalid"],
    [
      "an alg:none token",
      async () => `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url('{"sub":"admin"}')}.`,
      'Access Denied: JWT algorithm "none" is not accepted',
    ],
    [
      "a tampered payload",
      async () => {
        const [h, , s] = (await sign({ key: "pem-rsa", claims: { role: "user" }, expiresIn: "5m" })).split(".");
        return `${h}.${base64url('{"role":"admin"}')}.${s}`;
      },
      "Access Denied: JWT signature is invalid",
    ],
    ["garbage", async () => "not-a-jwt", "Access Denied: malformed JWT"],
  ];
  for (const [name, make, message] of refused) {
    it(`refuses ${name} with 401`, async () => {
      const r = await call(withPems, `Bearer ${await make()}`);
      expect(r.status).toBe(401);
      expect(r.body.errors[0].message).toBe(message);
    });
  }

  it("refuses every request when no keys are configured outside local development", async () => {
    const r = await call({});
    expect(r.status).toBe(503);
    expect(r.body.errors[0].message).toBe(
      "bearer-token auth is configured but no keys are set: set MODUS_PEMS or MODUS_JWKS_ENDPOINTS",
    );
  });

  it("lets requests through without keys in local development (MODUS_ENV=dev), as Modus does", async () => {
    const r = await call({ MODUS_ENV: "dev" });
    expect(r.status).toBe(200);
    const unverified = await call({ MODUS_ENV: "dev" }, `Bearer ${await sign({ key: "stranger", expiresIn: "5m" })}`);
    expect(unverified.status).toBe(200);
  });

  it("names a malformed MODUS_PEMS without echoing its value", async () => {
    const r = await call({ MODUS_PEMS: "{not json" }, "Bearer x.y.z");
    expect(r.status).toBe(500);
    // an operator mistake is masked for the client, with an id to find the log line
    expect(r.body.errors[0].message).toBe("Unexpected error.");
    expect(r.body.errors[0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(r.body)).not.toContain("not json");
  });
});
