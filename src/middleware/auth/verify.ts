import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { ALGORITHMS, AuthConfigError, type AuthKeys } from "./keys";
import { JwksFetchError } from "./jwks";

/** Why a token was refused; the message is safe to show the client (an operator's cause rides in `cause`). */
export class TokenError extends Error {
  override name = "TokenError";
}

/**
 * Verifies `token` against every configured key (PEMs first, then JWKS, as
 * Modus does) and returns its claims. `now` is the time expiry and
 * not-before are checked against.
 *
 * @example const claims = await verifyToken(token, keys);
 */
export async function verifyToken(token: string, keys: AuthKeys, now: number = Date.now()): Promise<JWTPayload> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new TokenError("malformed JWT");
  }
  if (!header.alg || !(ALGORITHMS as readonly string[]).includes(header.alg)) {
    throw new TokenError(`JWT algorithm ${JSON.stringify(header.alg ?? "none")} is not accepted`);
  }
  const failures: unknown[] = [];
  for (const [, resolve] of [...keys.pems, ...keys.jwks]) {
    try {
      const { payload } = await jwtVerify(token, resolve, { algorithms: [...ALGORITHMS], currentDate: new Date(now) });
      return payload;
    } catch (err) {
      failures.push(err);
      // Expiry and not-before are properties of the token, whatever the key.
      if (err instanceof errors.JWTExpired) throw new TokenError("JWT has expired");
      if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") throw new TokenError("JWT is not valid yet");
    }
  }
  throw refusal(header.alg, failures);
}

// The most telling reason among every key's: a key that refused the
// signature outranks a missing key id, which outranks an unreadable JWKS.
function refusal(alg: string, failures: unknown[]): TokenError {
  const any = (type: abstract new (...args: any[]) => unknown) => failures.some((f) => f instanceof type);
  const unread = failures.find((f) => f instanceof JwksFetchError);
  const cause = unread ? { cause: unread } : undefined;
  // A PEM refuses an algorithm it cannot do (an RSA key, an ES256 token) with an AuthConfigError.
  if (failures.every((f) => f instanceof AuthConfigError)) return new TokenError(`no configured key verifies ${alg} tokens`);
  if (any(errors.JWSSignatureVerificationFailed)) return new TokenError("JWT signature is invalid", cause);
  if (any(errors.JWKSNoMatchingKey)) return new TokenError("no key matches the JWT's key id", cause);
  if (unread) return new TokenError("the JWKS endpoint could not be read", cause);
  return new TokenError("JWT signature is invalid");
}

/** The claims of a token, unverified (local development without keys, as Modus does). */
export function readClaimsUnverified(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}
