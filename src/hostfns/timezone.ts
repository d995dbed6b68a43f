function formatterFor(zone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
    });
  } catch {
    return null;
  }
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export const isTimeZone = (zone: string): boolean => formatterFor(zone) !== null;

/**
 * `date` as RFC 3339 local time in `zone` with its offset, the way Go's
 * `time.RFC3339Nano` prints it (`Z` for a zero offset, fraction without trailing zeros);
 * null for an unknown zone.
 *
 * @example timeInZone(new Date(0), "Asia/Tokyo") // "1970-01-01T09:00:00+09:00"
 */
export function timeInZone(date: Date, zone: string): string | null {
  const fmt = formatterFor(zone);
  if (!fmt) return null;
  const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const ms = date.getUTCMilliseconds();
  const fraction = ms ? "." + String(ms).padStart(3, "0").replace(/0+$/, "") : "";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0
    ? "Z"
    : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}${offset}`;
}
