import { getTimeInZone } from "./externals/system";

/**
 * The current local time as an ISO-8601 string in the time zone the request
 * asked for (the `X-Time-Zone` header), or the host's default zone.
 *
 * @example
 *   const now = localtime.now();
 */
export function now(): string {
  const t = getTimeInZone(null);
  if (t == null) throw new Error("the host could not determine the local time");
  return t!;
}

/** The current time in the named IANA time zone, e.g. `nowInZone("Asia/Tokyo")`. */
export function nowInZone(tz: string): string {
  if (tz.length == 0) throw new Error("a time zone is required");
  const t = getTimeInZone(tz);
  if (t == null) throw new Error("invalid time zone: " + tz);
  return t!;
}
