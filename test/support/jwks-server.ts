// A JWKS endpoint on 127.0.0.1 with key sets that rotate as identity
// providers rotate them (the new key is published beside the old one, and
// the old one retired later), and a signing route so tests inside workerd
// can get tokens without holding private keys.
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

/** One JWKS: the keys it serves (newest first), and how often it was fetched. */
interface KeySet {
  keys: Key[];
  generation: number;
  fetches: number;
  /** When set, the endpoint answers with this status and an HTML page instead of keys. */
  brokenStatus?: number;
}

export interface JwksServer {
  url: string;
  server: Server;
  /** PEM public keys of keys that are never served by the JWKS (for MODUS_PEMS). */
  pems: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the server. Each test may make its own key set, so rotations never
 * touch another test's keys:
 * - `POST /__sets` makes a set with one key and answers `{ set }`;
 * - `GET /<set>/jwks.json` serves its keys (`/jwks.json`: the set "default");
 * - `POST /<set>/rotate` publishes a new key beside the current ones;
 * - `POST /<set>/retire` stops serving the oldest key;
 * - `POST /<set>/break` with `{ status }` makes the endpoint fail (`{ status: null }` mends it);
 * - `GET /<set>/fetches` counts the JWKS fetches;
 * - `POST /__sign` with `{ claims, set?, key?: "newest" | "oldest" | "pem-rsa" | "pem-ec" | "stranger", expiresIn?, notBefore? }`.
 */
export async function startJwksServer(): Promise<JwksServer> {
  const sets = new Map<string, KeySet>();
  const makeSet = async (name: string) => sets.set(name, { keys: [await newKey(`${name}-1`, "RS256")], generation: 1, fetches: 0 });
  await makeSet("default");
  const pemRsa = await newKey("pem-rsa", "RS256");
  const pemEc = await newKey("pem-ec", "ES256");
  const stranger = await newKey("default-1", "RS256"); // the default set's first kid, a different key

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const path = req.url === "/jwks.json" ? "/default/jwks.json" : (req.url ?? "/");
    if (path === "/__sets") {
      const name = `set${sets.size}`;
      await makeSet(name);
      return send(200, { set: name });
    }
    if (path === "/__sign") {
      const set = sets.get(body.set ?? "default")!;
      const named: Record<string, Key | undefined> = { "pem-rsa": pemRsa, "pem-ec": pemEc, stranger, oldest: set.keys.at(-1) };
      const key = named[body.key] ?? set.keys[0]!;
      let jwt = new SignJWT(body.claims ?? {}).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" }).setIssuedAt();
      if (body.expiresIn !== undefined) jwt = jwt.setExpirationTime(body.expiresIn);
      if (body.notBefore !== undefined) jwt = jwt.setNotBefore(body.notBefore);
      return send(200, { token: await jwt.sign(key.privateKey) });
    }
    const [, name, action] = /^\/([^/]+)\/([^/?]+)$/.exec(path) ?? [];
    const set = sets.get(name ?? "");
    if (!set) return send(404, { error: "not found" });
    if (action === "jwks.json") {
      set.fetches++;
      if (set.brokenStatus) {
        res.writeHead(set.brokenStatus, { "content-type": "text/html" });
        return res.end("<html><body>Service Unavailable</body></html>");
      }
      return send(200, { keys: set.keys.map((k) => k.jwk) });
    }
    if (action === "fetches") return send(200, { fetches: set.fetches });
    if (action === "rotate") {
      set.generation++;
      set.keys.unshift(await newKey(`${name}-${set.generation}`, "RS256"));
      return send(200, { kids: set.keys.map((k) => k.kid) });
    }
    if (action === "retire") {
      set.keys.pop();
      return send(200, { kids: set.keys.map((k) => k.kid) });
    }
    if (action === "break") {
      set.brokenStatus = body.status ?? undefined;
      return send(200, {});
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
