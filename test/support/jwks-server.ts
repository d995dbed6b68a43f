// A JWKS endpoint on 127.0.0.1 with keys that can be rotated, and a signing
// route so tests inside workerd can get tokens without holding private keys.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

interface Key {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
  pem: string;
}

async function newKey(kid: string, alg: "RS256" | "ES256"): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { kid, alg, privateKey, jwk, pem: await exportSPKI(publicKey) };
}

export interface JwksServer {
  url: string;
  server: Server;
  /** PEM public keys of keys that are never served by the JWKS (for MODUS_PEMS). */
  pems: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the server. Routes: `GET /jwks.json` (current keys), `POST /__rotate`
 * (adds a new key and drops the oldest), `POST /__sign` with
 * `{ claims, key?: "jwks" | "pem-rsa" | "pem-ec" | "stranger", expiresIn?, notBefore? }`.
 */
export async function startJwksServer(): Promise<JwksServer> {
  let generation = 1;
  let served: Key[] = [await newKey("jwks-1", "RS256")];
  const pemRsa = await newKey("pem-rsa", "RS256");
  const pemEc = await newKey("pem-ec", "ES256");
  const stranger = await newKey("jwks-1", "RS256"); // same kid, different key
  let fetches = 0;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.url === "/jwks.json") {
      fetches++;
      return send(200, { keys: served.map((k) => k.jwk) });
    }
    if (req.url === "/__fetches") return send(200, { fetches });
    if (req.url === "/__rotate") {
      generation++;
      served = [await newKey(`jwks-${generation}`, "RS256"), ...served].slice(0, 1);
      return send(200, { kid: served[0]!.kid });
    }
    if (req.url === "/__sign") {
      const key = body.key === "pem-rsa" ? pemRsa : body.key === "pem-ec" ? pemEc : body.key === "stranger" ? stranger : served[0]!;
      let jwt = new SignJWT(body.claims ?? {}).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" }).setIssuedAt();
      if (body.expiresIn !== undefined) jwt = jwt.setExpirationTime(body.expiresIn);
      if (body.notBefore !== undefined) jwt = jwt.setNotBefore(body.notBefore);
      return send(200, { token: await jwt.sign(key.privateKey) });
    }
    send(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    pems: { rsa: pemRsa.pem, ec: pemEc.pem },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
