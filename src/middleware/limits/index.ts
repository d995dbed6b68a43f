import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { LimitError, readLimits, type Limits } from "../../limits";
import { chain, type Step } from "../chain";

export interface LimitsVariables {
  limits?: Limits;
}

/**
 * {@link limitsFromEnv} as a {@link Step}, to run with others in one middleware.
 *
 * @example app.use("/graphql", chain(limitsStep(), responseLimitStep()));
 */
export const limitsStep = (): Step<{ Variables: LimitsVariables }> => {
  let cached: { env: unknown; limits: Limits } | undefined;
  return {
    before(c) {
      const env = (c.env ?? {}) as Record<string, unknown>;
      if (cached?.env !== env) {
        try {
          cached = { env, limits: readLimits(env) };
        } catch (err) {
          if (err instanceof LimitError) throw new HTTPException(503, { message: err.message });
          throw err;
        }
      }
      c.set("limits", cached.limits);
    },
  };
};

/**
 * Reads the request's limits from the env into `c.var.limits` (defaults for
 * unset variables); a variable that does not hold a valid number is a 503
 * naming it, before any function runs.
 *
 * @example app.use("/graphql", limitsFromEnv());
 */
export const limitsFromEnv = (): MiddlewareHandler<{ Variables: LimitsVariables }> => chain(limitsStep());
