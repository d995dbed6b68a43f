import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { hasKeys, loadAuthKeys, type AuthKeys } from "./keys";
import { readClaimsUnverified, TokenError, verifyToken } from "./verify";
import { JwksFetchError } from "./jwks";
import type { Logger } from "../../observability/log";
import { chain, type Step } from "../chain";

export interface AuthVariables {
  /** The JWT claims as JSON text, handed to functions as the WASI env `CLAIMS`. */
  claims?: string;
}

type AuthEnv = { Bindings: Record<string, unknown>; Variables: AuthVariables };

export interface BearerAuthOptions {
  /** Env var that marks local development (`MODUS_ENV=dev`), as in Modus. */
  devEnvVar?: string;
  /** Where the one-time warning about missing keys, and unreadable JWKS endpoints, go. */
  log?: Logger;
  /** The current time in ms since the epoch (`Date.now`): token expiry and JWKS caching follow it. */
  now?: () => number;
}

/**
 * {@link bearerAuth} as a {@link Step}, to run with others in one middleware.
 *
 * @example app.use("/graphql", chain(corsStep(), bearerAuthStep()));
 */
export const bearerAuthStep = ({ devEnvVar = "MODUS_ENV", log, now = Date.now }: BearerAuthOptions = {}): Step<AuthEnv> => {
  // Keys are derived from the env once per isolate (the env is fixed for its life).
  let cached: { source: unknown; keys: AuthKeys } | undefined;
  const keysFor = (env: Record<string, unknown>) => {
    const source = `${env.MODUS_PEMS ?? ""}\u0000${env.MODUS_JWKS_ENDPOINTS ?? ""}`;
    if (cached?.source !== source) {
      cached = { source, keys: loadAuthKeys(env, { now }) };
      if (!hasKeys(cached.keys)) {
        log?.(
          env[devEnvVar] === "dev"
            ? { level: "warn", msg: "bearer-token auth has no keys (MODUS_PEMS, MODUS_JWKS_ENDPOINTS): requests pass and token claims are read unverified, as in local development" }
            : { level: "error", msg: "bearer-token auth has no keys (MODUS_PEMS, MODUS_JWKS_ENDPOINTS): every request to this endpoint is refused with 503" },
        );
      }
    }
    return cached.keys;
  };

  // Synchronous unless a token is to be verified.
  return {
    before(c) {
      const header = c.req.header("Authorization");
      let token: string | undefined;
      if (header !== undefined && header !== "") {
        const match = /^Bearer +(\S+)\s*$/.exec(header);
        if (!match) throw new HTTPException(400, { message: "Invalid JWT token format, Bearer required" });
        token = match[1];
      }
      const keys = keysFor(c.env ?? {});
      if (!hasKeys(keys)) {
        if (c.env?.[devEnvVar] !== "dev") {
          throw new HTTPException(503, {
            message: "bearer-token auth is configured but no keys are set: set MODUS_PEMS or MODUS_JWKS_ENDPOINTS",
          });
        }
        const claims = token ? readClaimsUnverified(token) : undefined;
        if (claims) c.set("claims", JSON.stringify(claims));
        return;
      }
      if (!token) throw new HTTPException(401, { message: "Access Denied: a bearer token is required" });
      return verify(c, token, keys);
    },
  };

  async function verify(c: Context<AuthEnv>, token: string, keys: AuthKeys): Promise<void> {
    try {
      c.set("claims", JSON.stringify(await verifyToken(token, keys, now())));
    } catch (err) {
      if (err instanceof TokenError) {
        if (err.cause instanceof JwksFetchError) log?.({ level: "error", msg: err.cause.message });
        throw new HTTPException(401, { message: `Access Denied: ${err.message}` });
      }
      throw err;
    }
  }
};

/**
 * Bearer-token auth for a `bearer-token` endpoint. Keys come from the env
 * (MODUS_PEMS, MODUS_JWKS_ENDPOINTS). A header that is not `Bearer ...` is a
 * 400; a missing, expired, not-yet-valid or badly signed token a 401. With
 * no keys, local development lets requests through and reads a presented
 * token's claims unverified; anywhere else the endpoint refuses (503).
 *
 * @example app.use("/graphql", bearerAuth());
 */
export const bearerAuth = (options: BearerAuthOptions = {}): MiddlewareHandler<AuthEnv> => chain(bearerAuthStep(options));
