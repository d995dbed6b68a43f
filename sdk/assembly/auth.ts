import { JSON } from "json-as";

/**
 * The verified JWT claims of the current request, decoded into `T`. The host
 * passes them as JSON in the instance's `CLAIMS` environment variable; when
 * there are none (no auth, or no token) this warns and returns an empty `T`.
 *
 * @example
 *   @json class Claims { sub: string = ""; exp: i64 = 0; }
 *   const claims = auth.getJWTClaims<Claims>();
 */
export function getJWTClaims<T>(): T {
  const env = process.env;
  const claims = env.has("CLAIMS") ? env.get("CLAIMS") : "";
  if (claims.length == 0) {
    console.warn("No JWT claims found.");
    return instantiate<T>();
  }
  return JSON.parse<T>(claims);
}
