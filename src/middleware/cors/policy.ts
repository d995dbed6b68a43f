import { HTTPException } from "hono/http-exception";

/** Who may call cross-origin, as read from the env. */
export interface CorsPolicy {
  /** `*` for anyone, the allowed origins, or undefined for none. */
  readonly origins: "*" | readonly string[] | undefined;
  readonly credentials: boolean;
}

const ALLOW_METHODS = "GET,POST";
const ALLOW_HEADERS = "Content-Type,Accept,Authorization,X-Time-Zone";
const MAX_AGE = "600";

/**
 * Reads the env's CORS settings (the values of `originsVar` and
 * `credentialsVar`); a value it cannot read is a 503 naming the variable.
 *
 * @example corsPolicy("https://app.example.com", "", vars) // { origins: ["https://app.example.com"], credentials: false }
 */
export function corsPolicy(origins: string, credentials: string, { originsVar, credentialsVar }: { originsVar: string; credentialsVar: string }): CorsPolicy {
  if (credentials !== "" && credentials !== "true" && credentials !== "false") {
    throw new HTTPException(503, { message: `${credentialsVar} must be "true" or "false", not ${JSON.stringify(credentials)}` });
  }
  const withCredentials = credentials === "true";
  if (origins === "*") {
    if (withCredentials) throw new HTTPException(503, { message: `${credentialsVar}=true cannot be combined with ${originsVar}=*: name the origins` });
    return { origins: "*", credentials: false };
  }
  const allowed = origins ? origins.split(",").map((o) => o.trim()).filter(Boolean) : [];
  for (const origin of allowed) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) {
      throw new HTTPException(503, { message: `${originsVar} lists ${JSON.stringify(origin)}, which is not an origin such as https://app.example.com` });
    }
  }
  return { origins: allowed.length ? allowed : undefined, credentials: withCredentials };
}

/** The Access-Control-Allow-Origin a request from `origin` gets, if any. */
export const allowedOrigin = (policy: CorsPolicy, origin: string): string | undefined =>
  policy.origins === "*" ? "*" : policy.origins?.includes(origin) ? origin : undefined;

/**
 * The answer to a preflight (OPTIONS) from `origin`: 204, allowing the
 * origin only when the policy does, with the methods and headers a GraphQL
 * client sends.
 *
 * @example preflight({ origins: "*", credentials: false }, "https://app.example.com").status // 204
 */
export function preflight(policy: CorsPolicy, origin: string): Response {
  const headers = new Headers();
  const allowed = allowedOrigin(policy, origin);
  if (allowed) headers.set("Access-Control-Allow-Origin", allowed);
  if (policy.credentials) headers.set("Access-Control-Allow-Credentials", "true");
  if (policy.origins !== "*") headers.append("Vary", "Origin");
  headers.set("Access-Control-Max-Age", MAX_AGE);
  headers.set("Access-Control-Allow-Methods", ALLOW_METHODS);
  headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
  headers.append("Vary", "Access-Control-Request-Headers");
  return new Response(null, { status: 204, statusText: "No Content", headers });
}
