import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isTimeZone } from "../../hostfns/timezone";

export interface TimeZoneVariables {
  timeZone?: string;
}

/**
 * Reads the request's IANA time zone from a header (Modus's `X-Time-Zone`)
 * into `c.var.timeZone`; an unknown zone is a 400 that names it.
 *
 * @example app.use("/graphql", timeZone());
 */
export const timeZone = ({ header = "X-Time-Zone" }: { header?: string } = {}): MiddlewareHandler<{
  Variables: TimeZoneVariables;
}> =>
  async function timeZone(c, next) {
    const zone = c.req.header(header)?.trim();
    if (zone) {
      if (!isTimeZone(zone)) throw new HTTPException(400, { message: `${header}: unknown time zone "${zone}"` });
      c.set("timeZone", zone);
    }
    await next();
  };
