import { AbiError } from "../errors";
import type { Planner } from "./family";
import { show } from "./show";
import { pointer, pointerSlot, type TypeHandler } from "./types";

/** `Date` resolves to the WASI shim's subclass in SDK builds; both share the std layout. */
const DATE_TYPES: ReadonlySet<string> = new Set(["~lib/date/Date", "~lib/wasi_date/wasi_Date"]);

// std/assembly/date.ts: {year: i32, month: i32 (1-12), day: i32, epochMillis: i64 at 16}.
// The guest's getters read the cached year/month/day, so lower must fill them too.
const DATE_SIZE = 24;
const MILLIS_LIMIT = 8_640_000_000_000_000;

/**
 * `Date`: a JS `Date`. Lower takes a `Date`, an ISO-8601 string or epoch
 * milliseconds.
 *
 * @example dateFamily("~lib/wasi_date/wasi_Date", planner)?.lower(memory, "2024-02-29T00:00:00Z")
 */
export function dateFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  if (!DATE_TYPES.has(typeName)) return undefined;
  const id = planner.classId(typeName);
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => {
      const ptr = pointer(raw);
      const size = memory.expect(ptr, id, typeName);
      if (size < DATE_SIZE) throw new AbiError(`${typeName} at ${ptr} holds ${size} bytes, fewer than a Date's ${DATE_SIZE}`);
      const ms = Number(memory.view.getBigInt64(ptr + 16, true));
      if (Math.abs(ms) > MILLIS_LIMIT) throw new AbiError(`${typeName} at ${ptr} holds ${ms} ms, outside the range of a Date`);
      return new Date(ms);
    },
    lower: (memory, value) => {
      const date = toDate(value, typeName);
      const ptr = memory.allocate(DATE_SIZE, id);
      const view = memory.view;
      view.setInt32(ptr, date.getUTCFullYear(), true);
      view.setInt32(ptr + 4, date.getUTCMonth() + 1, true);
      view.setInt32(ptr + 8, date.getUTCDate(), true);
      view.setBigInt64(ptr + 16, BigInt(date.getTime()), true);
      return ptr;
    },
  };
}

function toDate(value: unknown, typeName: string): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "string") date = new Date(value);
  else if (typeof value === "number" && Number.isInteger(value)) date = new Date(value);
  if (!date || Number.isNaN(date.getTime())) {
    throw new AbiError(`${show(value)} is not a valid ${typeName} (a Date, an ISO-8601 string or epoch milliseconds)`);
  }
  return date;
}
