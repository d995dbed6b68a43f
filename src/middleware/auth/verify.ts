import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { ALGORITHMS, type AuthKeys } from "./keys";

/** Why a token was refused; the message is safe to show the client. */
export class TokenError extends Error {
  override name = "TokenError";
}

/**
 * Verifies `token` against every configured key (PEMs first, then JWKS, as
 * Modus does) and returns its claims.
 *
 * @example const claims = await verifyToken(token, keys);
 */
export async function verifyToken(token: string, keys: AuthKeys): Promise<JWTPayload> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new TokenError("malformed JWT");
  }
  if (!header.alg || !(ALGORITHMS as readonly string[]).includes(header.alg)) {
    throw new TokenError(`JWT algorithm ${JSON.stringify(header.alg ?? "none")} is not accepted`);
  }
  let last: unknown;
  for (const [, resolve] of [...keys.pems, ...keys.jwks]) {
    try {
      const { payload } = await jwtVerify(token, resolve, { algorithms: [...ALGORITHMS] });
      return payload;
    } catch (err) {
      last = err;
      // Expiry and not-before are properties of the token, whatever the key.
      if (err instanceof errors.JWTExpired) throw new TokenError("JWT has expired");
      if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") throw new TokenError("JWT is not valid yet");
    }
  }
  if (last instanceof errors.JWKSNoMatchingKey) throw new TokenError("no key matches the JWT's key id");
  if (last instanceof errors.JWKSTimeout || last instanceof errors.JOSEError && last.code === "ERR_JWKS_INVALID") {
    throw new TokenError("the JWKS endpoint could not be read");
  }
  throw new TokenError("JWT signature is invalid");
}

/** The claims of a token, unverified (local development without keys, as Modus does). */
export function readClaimsUnverified(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}
