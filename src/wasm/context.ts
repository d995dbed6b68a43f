/** One line a function logged, with the level it used (`""` for `console.log`). */
export interface LogEntry {
  level: string;
  message: string;
}

/**
 * What one function call carries: made per call, handed to every host
 * function that call makes, and dropped when it ends.
 */
export interface CallContext {
  readonly executionId: string;
  readonly functionName: string;
  /** The Worker's env (vars and secrets); host functions pick what they may use. */
  readonly env: Readonly<Record<string, unknown>>;
  /** The request's IANA time zone (`X-Time-Zone`), if it named one. */
  readonly timeZone?: string;
  readonly logs: LogEntry[];
}

/** Log levels that make a GraphQL error for the field, as in Modus. */
export const ERROR_LEVELS: ReadonlySet<string> = new Set(["error", "fatal"]);
