import type { MiddlewareHandler } from "hono";
import { DEFAULT_LIMITS, type Limits } from "../../limits";
import { chain, type Step } from "../chain";
import { TEXT_LENGTH, type MeasuredResponse } from "./measured";

export { MeasuredResponse } from "./measured";

type LimitsEnv = { Variables: { limits?: Limits } };

// UTF-8 size of a string, counted only when its length alone cannot settle the question.
function exceeds(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > max ? bytes : undefined;
}

/**
 * {@link responseLimit} as a {@link Step}, to run with others in one middleware.
 *
 * @example app.use("/graphql", chain(limitsStep(), responseLimitStep()));
 */
export const responseLimitStep = (): Step<LimitsEnv> => ({
  after(c) {
    const max = (c.get("limits") ?? DEFAULT_LIMITS).responseBytes;
    // A string body of n UTF-16 units is at most 3n bytes of UTF-8: most answers pass unread.
    const length = (c.res as MeasuredResponse)[TEXT_LENGTH];
    if (length !== undefined && length * 3 <= max) return;
    // Only whole JSON answers: a stream (SSE subscriptions, incremental delivery) is sent as it comes.
    if (!c.res.body || !/json/i.test(c.res.headers.get("content-type") ?? "")) return;
    return replaceIfTooLarge(c, max);
  },
});

async function replaceIfTooLarge(c: { res: Response }, max: number): Promise<void> {
  const text = await c.res.text();
  const size = exceeds(text, max);
  if (size === undefined) {
    c.res = new Response(text, c.res);
    return;
  }
  const message = `the response would be ${size} bytes, more than the limit of ${max} (MODUS_RESPONSE_BYTES_LIMIT)`;
  c.res = Response.json({ errors: [{ message, extensions: { code: "RESPONSE_TOO_LARGE" } }] }, { status: 500 });
}

/**
 * Replaces a response body larger than the request's `responseBytes` limit
 * (`c.var.limits`, see limitsFromEnv) with a 500 error saying how large it
 * was and the limit, so a function that returns too much fails clearly
 * instead of sending megabytes. A {@link MeasuredResponse} well under the
 * limit is passed on without being read.
 *
 * @example app.use("/graphql", limitsFromEnv(), responseLimit());
 */
export const responseLimit = (): MiddlewareHandler<LimitsEnv> => chain(responseLimitStep());
