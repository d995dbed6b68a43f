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
      if (time === null) ctx.logs.push({ level: "error", message: `Unknown time zone: ${zone}` });
      return time;
    },
  },
];
