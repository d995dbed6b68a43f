/** One structured log line; Workers Logs and `wrangler tail` show it as JSON. */
export type LogFields = Record<string, unknown> & { msg: string; level?: "debug" | "info" | "warn" | "error" | "fatal" };

export type Logger = (fields: LogFields) => void;

/**
 * Writes JSON log lines to the console (level `info` unless given).
 *
 * @example consoleLogger({ msg: "request", path: "/graphql", status: 200 });
 */
export const consoleLogger: Logger = (fields) => {
  const line = JSON.stringify({ level: "info", ...fields });
  if (fields.level === "error" || fields.level === "fatal") console.error(line);
  else if (fields.level === "warn") console.warn(line);
  else console.log(line);
};
