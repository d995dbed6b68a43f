import type { MiddlewareHandler } from "hono";
import { chain, type Step } from "../chain";
import { allowedOrigin, corsPolicy, preflight, type CorsPolicy } from "./policy";

export interface CorsOptions {
  /** Env var listing the origins allowed to call cross-origin (comma-separated, or `*`). */
  originsVar?: string;
  /** Env var (`true`/`false`) allowing credentialed cross-origin requests. */
  credentialsVar?: string;
}

/**
 * CORS for a GraphQL endpoint, from the env, as a {@link Step} (see
 * {@link corsFromEnv}). Its headers go on `c.res` before the handler runs,
 * so the handler's answer and an error answer both carry them.
 *
 * @example app.use("/graphql", chain(corsStep(), limitsStep()));
 */
export const corsStep = ({ originsVar = "MODUS_CORS_ORIGINS", credentialsVar = "MODUS_CORS_CREDENTIALS" }: CorsOptions = {}): Step => {
  // Read once per distinct setting (the env is fixed for an isolate's life); a bad one is refused each time.
  let cached: { key: string; policy: CorsPolicy } | undefined;
  return {
    before(c) {
      const env = (c.env ?? {}) as Record<string, unknown>;
      const origins = String(env[originsVar] ?? "").trim();
      const credentials = String(env[credentialsVar] ?? "").trim();
      const key = `${origins}\u0000${credentials}`;
      if (cached?.key !== key) cached = { key, policy: corsPolicy(origins, credentials, { originsVar, credentialsVar }) };
      const policy = cached.policy;
      if (c.req.method === "OPTIONS") return preflight(policy, c.req.header("origin") ?? "");
      // Nothing to add when no origin is allowed: the answer does not vary by Origin then.
      if (!policy.origins && !policy.credentials) return;
      const allowed = allowedOrigin(policy, c.req.header("origin") ?? "");
      const headers = c.res.headers;
      if (allowed) headers.set("Access-Control-Allow-Origin", allowed);
      if (policy.credentials) headers.set("Access-Control-Allow-Credentials", "true");
      if (policy.origins !== "*") headers.append("Vary", "Origin");
    },
  };
};

/**
 * CORS for a GraphQL endpoint, from the env. With no allowed origins (the
 * default) no cross-origin request may read an answer, and credentialed ones
 * are never allowed unless `MODUS_CORS_CREDENTIALS=true` (and then not for
 * `*`). Preflights (OPTIONS) are answered here, before auth runs. A value the
 * middleware cannot read is a 503 naming the variable.
 *
 * @example app.use("/graphql", corsFromEnv()); // MODUS_CORS_ORIGINS=https://app.example.com
 */
export const corsFromEnv = (options: CorsOptions = {}): MiddlewareHandler => chain(corsStep(options));
