import { getTimeInZone } from "./externals/system";

/**
 * The current local time in ISO-8601 extended format. The zone is the
 * request's `X-Time-Zone` header if given, else the host's `TZ`, else the
 * host's own zone.
 *
 * @example const t = localtime.now(); // "2025-01-02T03:04:05.678-05:00"
 */
export function now(): string {
  const t = getTimeInZone(null);
  if (t === null) throw new Error("Failed to get the local time.");
  return t;
}

/**
 * The current time in an IANA time zone, in ISO-8601 extended format.
 *
 * @example const t = localtime.nowInZone("Asia/Tokyo");
 */
export function nowInZone(tz: string): string {
  if (tz.length == 0) throw new Error("A time zone is required.");
  const t = getTimeInZone(tz);
  if (t === null) throw new Error("Failed to get the local time.");
  return t;
}

/**
 * The IANA identifier of the zone `now()` uses (the instance's `TZ`
 * environment variable, which the host sets per request).
 *
 * @example const tz = localtime.getTimeZone(); // "America/New_York"
 */
export function getTimeZone(): string {
  const env = process.env;
  return env.has("TZ") ? env.get("TZ") : "";
}

/**
 * Whether the host knows the IANA time zone `tz`.
 *
 * @example localtime.isValidTimeZone("Europe/Paris"); // true
 */
export function isValidTimeZone(tz: string): bool {
  if (tz.length == 0) return false;
  return getTimeInZone(tz) !== null;
}

/** @deprecated Use `now`. */
export function Now(): string {
  return now();
}

/** @deprecated Use `nowInZone`. */
export function NowInZone(tz: string): string {
  return nowInZone(tz);
}

/** @deprecated Use `getTimeZone`. */
export function GetTimeZone(): string {
  return getTimeZone();
}

/** @deprecated Use `isValidTimeZone`. */
export function IsValidTimeZone(tz: string): bool {
  return isValidTimeZone(tz);
}
