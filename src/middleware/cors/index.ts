import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";

export interface CorsOptions {
  /** Env var listing the origins allowed to call cross-origin (comma-separated, or `*`). */
  originsVar?: string;
  /** Env var (`true`/`false`) allowing credentialed cross-origin requests. */
  credentialsVar?: string;
}

const ALLOW_HEADERS = ["Content-Type", "Accept", "Authorization", "X-Time-Zone"];

/**
 * CORS for a GraphQL endpoint, from the env. With no allowed origins (the
 * default) no cross-origin request may read an answer, and credentialed ones
 * are never allowed unless `MODUS_CORS_CREDENTIALS=true` (and then not for
 * `*`). Preflights (OPTIONS) are answered here, before auth runs. A value the
 * middleware cannot read is a 503 naming the variable.
 *
 * @example app.use("/graphql", corsFromEnv()); // MODUS_CORS_ORIGINS=https://app.example.com
 */
export const corsFromEnv = ({ originsVar = "MODUS_CORS_ORIGINS", credentialsVar = "MODUS_CORS_CREDENTIALS" }: CorsOptions = {}): MiddlewareHandler => {
  // Built once per distinct setting (the env is fixed for an isolate's life).
  let cached: { key: string; handler: MiddlewareHandler } | undefined;
  return async function corsFromEnv(c, next) {
    const env = (c.env ?? {}) as Record<string, unknown>;
    const origins = String(env[originsVar] ?? "").trim();
    const credentials = String(env[credentialsVar] ?? "").trim();
    const key = `${origins}\u0000${credentials}`;
    if (cached?.key !== key) cached = { key, handler: build(origins, credentials, originsVar, credentialsVar) };
    return cached.handler(c, next);
  };
};

function build(origins: string, credentials: string, originsVar: string, credentialsVar: string): MiddlewareHandler {
  if (credentials !== "" && credentials !== "true" && credentials !== "false") {
    throw new HTTPException(503, { message: `${credentialsVar} must be "true" or "false", not ${JSON.stringify(credentials)}` });
  }
  const withCredentials = credentials === "true";
  if (origins === "*") {
    if (withCredentials) throw new HTTPException(503, { message: `${credentialsVar}=true cannot be combined with ${originsVar}=*: name the origins` });
    return cors({ origin: "*", allowMethods: ["GET", "POST"], allowHeaders: ALLOW_HEADERS, maxAge: 600 });
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
  return cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST"],
    allowHeaders: ALLOW_HEADERS,
    maxAge: 600,
    credentials: withCredentials,
  });
}
