/** What one request and each function call in it may use; every field has a default. */
export interface Limits {
  /** Compute one function call may use, in ms (counted as Wasm work, see src/wasm/meter.ts). */
  readonly callTimeMs: number;
  /** Compute all function calls of one request may use together, in ms. */
  readonly requestTimeMs: number;
  /** Linear memory one call's instance may grow to, in MiB. */
  readonly callMemoryMiB: number;
  /** Log lines one call may write; later lines are dropped and counted. */
  readonly logLines: number;
  /** Bytes (UTF-8) of log text one call may write. */
  readonly logBytes: number;
  /** Size of one GraphQL response body, in bytes. */
  readonly responseBytes: number;
  /** Outbound host calls (models, http, data connections) one request may have in flight; more wait their turn. */
  readonly hostConcurrency: number;
  /** Outbound host calls one request may make in all. */
  readonly hostCalls: number;
}

interface LimitSpec {
  readonly key: keyof Limits;
  readonly env: string;
  readonly default: number;
  readonly max: number;
}

/**
 * Every limit: its env variable and default. Defaults fit Workers' Free plan
 * (10 ms of CPU and 50 subrequests per request, 6 connections at once, 128 MB
 * per isolate).
 */
export const LIMITS: readonly LimitSpec[] = [
  { key: "callTimeMs", env: "MODUS_CALL_TIME_LIMIT_MS", default: 5, max: 15 * 60_000 },
  { key: "requestTimeMs", env: "MODUS_REQUEST_TIME_LIMIT_MS", default: 8, max: 15 * 60_000 },
  { key: "callMemoryMiB", env: "MODUS_CALL_MEMORY_LIMIT_MB", default: 32, max: 4096 },
  { key: "logLines", env: "MODUS_LOG_LINES_LIMIT", default: 1000, max: 1_000_000 },
  { key: "logBytes", env: "MODUS_LOG_BYTES_LIMIT", default: 65_536, max: 64 << 20 },
  { key: "responseBytes", env: "MODUS_RESPONSE_BYTES_LIMIT", default: 16 << 20, max: 1 << 30 },
  { key: "hostConcurrency", env: "MODUS_HOST_CONCURRENCY_LIMIT", default: 6, max: 1000 },
  { key: "hostCalls", env: "MODUS_HOST_CALLS_LIMIT", default: 50, max: 100_000 },
];

/** The defaults, for callers without an env (tests driving the ABI directly). */
export const DEFAULT_LIMITS: Limits = Object.freeze(Object.fromEntries(LIMITS.map((l) => [l.key, l.default])) as unknown as Limits);

/** A limit's env variable holds something other than a whole number in range. */
export class LimitError extends Error {
  override readonly name = "LimitError";
}

/**
 * The limits from the Worker's env, defaults for unset variables. A value
 * that is not a positive whole number up to the limit's maximum throws a
 * LimitError naming the variable.
 *
 * @example readLimits({ MODUS_CALL_TIME_LIMIT_MS: "50" }).callTimeMs // 50
 */
export function readLimits(env: Readonly<Record<string, unknown>>): Limits {
  const out: Record<string, number> = {};
  for (const spec of LIMITS) {
    const raw = env[spec.env];
    if (raw === undefined || raw === "") {
      out[spec.key] = spec.default;
      continue;
    }
    const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > spec.max) {
      throw new LimitError(`${spec.env} must be a whole number from 1 to ${spec.max}, not ${JSON.stringify(raw)}`);
    }
    out[spec.key] = value;
  }
  return out as unknown as Limits;
}
