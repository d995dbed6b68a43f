import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isTimeZone } from "../../hostfns/timezone";
import { chain, type Step } from "../chain";

export interface TimeZoneVariables {
  timeZone?: string;
}

export interface TimeZoneOptions {
  /** The request header naming the zone. */
  header?: string;
}

/**
 * {@link timeZone} as a {@link Step}, to run with others in one middleware.
 *
 * @example app.use("/graphql", chain(limitsStep(), timeZoneStep()));
 */
export const timeZoneStep = ({ header = "X-Time-Zone" }: TimeZoneOptions = {}): Step<{ Variables: TimeZoneVariables }> => ({
  before(c) {
    const zone = c.req.header(header)?.trim();
    if (!zone) return;
    if (!isTimeZone(zone)) throw new HTTPException(400, { message: `${header}: unknown time zone "${zone}"` });
    c.set("timeZone", zone);
  },
});

/**
 * Reads the request's IANA time zone from a header (Modus's `X-Time-Zone`)
 * into `c.var.timeZone`; an unknown zone is a 400 that names it.
 *
 * @example app.use("/graphql", timeZone());
 */
export const timeZone = (options: TimeZoneOptions = {}): MiddlewareHandler<{ Variables: TimeZoneVariables }> => chain(timeZoneStep(options));
