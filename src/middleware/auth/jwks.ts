import { createLocalJWKSet, errors, type JSONWebKeySet } from "jose";
import type { KeyResolver } from "./keys";

/** A JWKS endpoint that could not be read; the message names its variable and URL, for the operator. */
export class JwksFetchError extends Error {
  override name = "JwksFetchError";
}

export interface RemoteJwksOptions {
  /** `MODUS_JWKS_ENDPOINTS.<name>`, for messages. */
  variable: string;
  /** The current time in ms since the epoch (`Date.now`), injectable so tests drive the cache. */
  now: () => number;
  /** Least time between two fetches: an unknown `kid` refetches at most this often. */
  cooldownMs: number;
  /** A fetched set is used this long, then fetched again. */
  maxAgeMs: number;
  timeoutMs: number;
}

const isKeySet = (value: unknown): value is JSONWebKeySet =>
  typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys);

/**
 * A key resolver over a JWKS endpoint: fetched on first use, kept for
 * `maxAgeMs`, and fetched again when a token names a key id the set lacks
 * (key rotation), at most once per `cooldownMs`. A failed fetch waits out the
 * cooldown too, so a down endpoint is not hammered.
 *
 * @example const resolve = remoteJwks(new URL("https://example.com/.well-known/jwks.json"), opts);
 */
export function remoteJwks(url: URL, opts: RemoteJwksOptions): KeyResolver {
  let local: KeyResolver | undefined;
  let fetchedAt = -Infinity;
  let failure: JwksFetchError | undefined;
  let pending: Promise<void> | undefined;

  const fail = (why: string) => new JwksFetchError(`${opts.variable} (${url.href}) could not be read: ${why}`);
  async function fetchSet(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (err) {
      throw fail((err as Error)?.name === "TimeoutError" ? `no response within ${opts.timeoutMs} ms` : String((err as Error)?.message ?? err));
    }
    if (!res.ok) throw fail(`it answered ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw fail("its answer is not JSON");
    }
    if (!isKeySet(body)) throw fail('its answer has no "keys" array');
    local = createLocalJWKSet(body) as unknown as KeyResolver;
  }
  const reload = () =>
    (pending ??= fetchSet()
      .then(() => void (failure = undefined))
      .catch((err: JwksFetchError) => void (failure = err))
      .finally(() => {
        fetchedAt = opts.now();
        pending = undefined;
      }));
  const coolingDown = () => opts.now() - fetchedAt < opts.cooldownMs;

  return async (header, token) => {
    if (!local || opts.now() - fetchedAt >= opts.maxAgeMs) {
      if (!coolingDown()) await reload();
      if (failure || !local) throw failure ?? fail("not fetched yet");
    }
    try {
      return await local(header, token);
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey) || coolingDown()) throw err;
      await reload();
      if (failure) throw failure;
      return local(header, token);
    }
  };
}
