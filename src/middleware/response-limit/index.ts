import type { MiddlewareHandler } from "hono";
import { DEFAULT_LIMITS, type Limits } from "../../limits";

// UTF-8 size of a string, counted only when its length alone cannot settle the question.
function exceeds(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > max ? bytes : undefined;
}

/**
 * Replaces a response body larger than the request's `responseBytes` limit
 * (`c.var.limits`, see limitsFromEnv) with a 500 error saying how large it
 * was and the limit, so a function that returns too much fails clearly
 * instead of sending megabytes.
 *
 * @example app.use("/graphql", limitsFromEnv(), responseLimit());
 */
export const responseLimit = (): MiddlewareHandler<{ Variables: { limits?: Limits } }> =>
  async function responseLimit(c, next) {
    await next();
    // Only whole JSON answers: a stream (SSE subscriptions, incremental delivery) is sent as it comes.
    if (!c.res.body || !/json/i.test(c.res.headers.get("content-type") ?? "")) return;
    const max = (c.var.limits ?? DEFAULT_LIMITS).responseBytes;
    const text = await c.res.text();
    const size = exceeds(text, max);
    if (size === undefined) {
      c.res = new Response(text, c.res);
      return;
    }
    const message = `the response would be ${size} bytes, more than the limit of ${max} (MODUS_RESPONSE_BYTES_LIMIT)`;
    c.res = Response.json({ errors: [{ message, extensions: { code: "RESPONSE_TOO_LARGE" } }] }, { status: 500 });
  };
