import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { AuthConfigError, loadAuthKeys } from "../../../src/middleware/auth/keys";
import { requestWithEnv } from "../../helpers";
import { captureLogs } from "../../support/secret-scan";
import { authApp, pems, sign } from "./app";

describe("MODUS_PEMS and MODUS_JWKS_ENDPOINTS: a wrong value is named, never echoed", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["MODUS_PEMS that is not JSON", { MODUS_PEMS: "{not json" }, "MODUS_PEMS is not valid JSON: expected an object of name -> value"],
    ["MODUS_PEMS that is an array", { MODUS_PEMS: '["x"]' }, "MODUS_PEMS must be a JSON object of name -> value"],
    ["a PEM that is not a string", { MODUS_PEMS: '{"k":1}' }, "MODUS_PEMS.k must be a string"],
    ["a PEM that is not a PEM", { MODUS_PEMS: '{"k":"not-a-pem-b8f1"}' }, "MODUS_PEMS.k is not a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)"],
    [
      "a PEM whose body is not base64",
      { MODUS_PEMS: JSON.stringify({ k: "-----BEGIN PUBLIC KEY-----\nnot*base64*b8f1\n-----END PUBLIC KEY-----" }) },
      "MODUS_PEMS.k is not a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)",
    ],
    ["a private key given as a PEM", { MODUS_PEMS: JSON.stringify({ k: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }) }, "MODUS_PEMS.k is not a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)"],
    ["a JWKS URL that is not a URL", { MODUS_JWKS_ENDPOINTS: '{"idp":"jwks.example.com/keys-b8f1"}' }, "MODUS_JWKS_ENDPOINTS.idp is not a URL"],
    ["a JWKS URL that is not http(s)", { MODUS_JWKS_ENDPOINTS: '{"idp":"file:///etc/keys-b8f1"}' }, "MODUS_JWKS_ENDPOINTS.idp must be an http(s) URL"],
  ];
  for (const [name, env, message] of cases) {
    it(name, () => {
      let err: unknown;
      try {
        loadAuthKeys(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AuthConfigError);
      expect((err as Error).message).toBe(message);
      expect((err as Error).message).not.toContain("b8f1");
    });
  }

  it("through the Worker: a 500 masked for the client, the variable named in the log line", async () => {
    const env = { MODUS_ENV: "prod", MODUS_PEMS: '{"k":"not-a-pem-b8f1"}' };
    const { result, lines } = await captureLogs(() =>
      requestWithEnv(env, "/graphql", { method: "POST", headers: { authorization: "Bearer a.b.c", "content-type": "application/json" }, body: '{"query":"{ sayHello(name: \\"x\\") }"}' }),
    );
    expect(result.status).toBe(500);
    expect(result.body.errors[0].message).toBe("Unexpected error.");
    const { correlationId } = result.body.errors[0].extensions;
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.correlationId === correlationId);
    expect(line).toMatchObject({ level: "error", msg: "unhandled error" });
    expect(line.error).toContain("MODUS_PEMS.k is not a PEM public key");
    expect(lines.join("\n")).not.toContain("b8f1");
  });
});

describe("algorithms", () => {
  it("HS256 is refused, even when its secret is a configured PEM's text", async () => {
    const app = authApp({ MODUS_PEMS: JSON.stringify({ rsa: pems.rsa }) });
    // The classic confusion attack: HMAC keyed with the public key's bytes.
    const forged = await new SignJWT({ sub: "admin" }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(pems.rsa));
    expect(await app.call(forged)).toEqual({ status: 401, text: 'Access Denied: JWT algorithm "HS256" is not accepted' });
  });

  it("a token whose algorithm no configured key can verify", async () => {
    const app = authApp({ MODUS_PEMS: JSON.stringify({ rsa: pems.rsa }) });
    const ec = await sign({ key: "pem-ec", expiresIn: "5m" });
    expect(await app.call(ec)).toEqual({ status: 401, text: "Access Denied: no configured key verifies ES256 tokens" });
  });

  it("an RS256 header over an ES256 signature (the header lies about the algorithm)", async () => {
    const app = authApp({ MODUS_PEMS: JSON.stringify({ rsa: pems.rsa, ec: pems.ec }) });
    const [, payload, signature] = (await sign({ key: "pem-ec", expiresIn: "5m" })).split(".");
    const header = btoa('{"alg":"RS256","typ":"JWT"}').replace(/=+$/, "");
    expect(await app.call(`${header}.${payload}.${signature}`)).toEqual({ status: 401, text: "Access Denied: JWT signature is invalid" });
  });
});
