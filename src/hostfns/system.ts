import type { AbiHostFunction } from "./types";
import { timeInZone } from "./timezone";

const STRING = "string";
const NULLABLE_STRING = "string | null";

/** The `modus_system` import module: logging and local time. */
export const systemFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_system",
    name: "logMessage",
    params: [STRING, STRING],
    result: "void",
    impl: (ctx, level: string, message: string) => void ctx.logs.push({ level, message }),
  },
  {
    kind: "abi",
    module: "modus_system",
    name: "getTimeInZone",
    params: [NULLABLE_STRING],
    result: NULLABLE_STRING,
    impl: (ctx, tz: string | null) => {
      const zone = tz || ctx.timeZone || "UTC";
      const time = timeInZone(new Date(), zone);
      // Logged for the operator, not the function: the SDK asks this to test a zone.
      if (time === null) ctx.services.log({ level: "warn", msg: `unknown time zone: ${zone}`, executionId: ctx.executionId });
      return time;
    },
  },
];
