import { importSPKI, type CryptoKey, type JWTHeaderParameters, type FlattenedJWSInput } from "jose";
import { remoteJwks } from "./jwks";

/** The signature algorithms a token may use; `none` and HMAC are never accepted. */
export const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"] as const;

export type KeyResolver = (header: JWTHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

/** A configuration value the operator got wrong; the message names the variable. */
export class AuthConfigError extends Error {
  override name = "AuthConfigError";
}

export interface AuthKeys {
  /** `name -> resolver` for each PEM of MODUS_PEMS. */
  pems: [string, KeyResolver][];
  /** `name -> resolver` for each endpoint of MODUS_JWKS_ENDPOINTS. */
  jwks: [string, KeyResolver][];
}

function parseMap(value: unknown, variable: string): Record<string, string> {
  if (value === undefined || value === null || value === "") return {};
  let parsed: unknown;
  try {
    parsed = typeof value === "string" ? JSON.parse(value) : value;
  } catch {
    throw new AuthConfigError(`${variable} is not valid JSON: expected an object of name -> value`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AuthConfigError(`${variable} must be a JSON object of name -> value`);
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== "string") throw new AuthConfigError(`${variable}.${k} must be a string`);
  }
  return parsed as Record<string, string>;
}

// Only the shape is checked here (the key is imported per algorithm, on use):
// enough to name a value that is not a PEM public key at all.
const PEM_PUBLIC_KEY = /^\s*-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/;

// A PEM carries no algorithm; the token's header names one, and each
// (key, alg) pair is imported once.
function pemResolver(name: string, pem: string): KeyResolver {
  const body = PEM_PUBLIC_KEY.exec(pem)?.[1]?.replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new AuthConfigError(`MODUS_PEMS.${name} is not a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)`);
  }
  const imported = new Map<string, Promise<CryptoKey>>();
  return (header) => {
    const alg = header.alg ?? "";
    let key = imported.get(alg);
    if (!key) {
      key = importSPKI(pem, alg).catch(() => {
        throw new AuthConfigError(`MODUS_PEMS.${name} is not a public key usable with ${alg}`);
      });
      imported.set(alg, key);
    }
    return key;
  };
}

export interface LoadAuthKeysOptions {
  /** The current time in ms since the epoch; JWKS caching follows it. */
  now?: () => number;
}

/**
 * Reads MODUS_PEMS and MODUS_JWKS_ENDPOINTS from the env. JWKS sets are
 * fetched lazily, kept for ten minutes and refetched when a token names an
 * unknown `kid` (at most once a second).
 *
 * @example const keys = loadAuthKeys(env); if (hasKeys(keys)) ...
 */
export function loadAuthKeys(env: Readonly<Record<string, unknown>>, { now = Date.now }: LoadAuthKeysOptions = {}): AuthKeys {
  const pems = Object.entries(parseMap(env.MODUS_PEMS, "MODUS_PEMS")).map(
    ([name, pem]) => [name, pemResolver(name, pem)] as [string, KeyResolver],
  );
  const jwks = Object.entries(parseMap(env.MODUS_JWKS_ENDPOINTS, "MODUS_JWKS_ENDPOINTS")).map(([name, url]) => {
    const variable = `MODUS_JWKS_ENDPOINTS.${name}`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AuthConfigError(`${variable} is not a URL`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new AuthConfigError(`${variable} must be an http(s) URL`);
    const set = remoteJwks(parsed, { variable, now, cooldownMs: 1000, maxAgeMs: 10 * 60 * 1000, timeoutMs: 5000 });
    return [name, set] as [string, KeyResolver];
  });
  return { pems, jwks };
}

export const hasKeys = (keys: AuthKeys): boolean => keys.pems.length + keys.jwks.length > 0;
