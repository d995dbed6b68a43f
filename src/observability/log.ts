/** One structured log line; Workers Logs and `wrangler tail` show it as JSON. */
export type LogFields = Record<string, unknown> & { msg: string; level?: "debug" | "info" | "warn" | "error" | "fatal" };

export type Logger = (fields: LogFields) => void;

/**
 * Writes JSON log lines to the console (level `info` unless given).
 *
 * @example consoleLogger({ msg: "request", path: "/graphql", status: 200 });
 */
export const consoleLogger: Logger = (fields) => {
  // Without a level, "info" goes first, as if spread in, without copying the fields.
  const line = fields.level ? JSON.stringify(fields) : `{"level":"info",${JSON.stringify(fields).slice(1)}`;
  if (fields.level === "error" || fields.level === "fatal") console.error(line);
  else if (fields.level === "warn") console.warn(line);
  else console.log(line);
};
