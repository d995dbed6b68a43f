import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

export interface OpsVariables {
  /** Whether the request may see operational details (dev, or the right token). */
  opsAccess?: boolean;
}

export interface OpsTokenOptions {
  /** Env var holding the token. */
  tokenVar?: string;
  /** Env var that marks local development, where everything is open. */
  devEnvVar?: string;
  /** Refuse (401/403) without access, instead of only marking it. */
  required?: boolean;
}

async function sameSecret(a: string, b: string): Promise<boolean> {
  const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  // Equal-length digests, compared without an early exit.
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * Operational endpoints (/metrics, /health's details) outside local
 * development need `Authorization: Bearer <MODUS_METRICS_TOKEN>`. Sets
 * `c.var.opsAccess`; with `required`, refuses without it: 401 for a missing or
 * wrong token, 403 when no token is configured (saying which variable to set).
 *
 * @example app.get("/metrics", opsToken({ required: true }), (c) => c.text(render()));
 */
export const opsToken = ({ tokenVar = "MODUS_METRICS_TOKEN", devEnvVar = "MODUS_ENV", required = false }: OpsTokenOptions = {}): MiddlewareHandler<{
  Variables: OpsVariables;
}> =>
  async function opsToken(c, next) {
    const env = (c.env ?? {}) as Record<string, unknown>;
    const token = typeof env[tokenVar] === "string" ? (env[tokenVar] as string) : "";
    const given = /^Bearer +(\S+)\s*$/.exec(c.req.header("Authorization") ?? "")?.[1];
    const access = env[devEnvVar] === "dev" || (token !== "" && given !== undefined && (await sameSecret(given, token)));
    c.set("opsAccess", access);
    if (required && !access) {
      if (!token) throw new HTTPException(403, { message: `${c.req.path} is closed: set ${tokenVar} and send it as a bearer token` });
      throw new HTTPException(401, { message: `${c.req.path} needs the bearer token from ${tokenVar}` });
    }
    await next();
  };
