import type { Manifest } from "../manifest/types";
import type { Logger } from "../observability/log";
import type { Metrics } from "../observability/metrics";
import type { Limits } from "../limits";
import type { FuelPool } from "./meter";
import type { HostCallGate } from "../hostfns/gate";

/** Build-once helpers every layer may record to or call. */
export interface Services {
  metrics: Metrics;
  log: Logger;
  /** Makes execution ids (UUIDs); `crypto.randomUUID` when absent. */
  newId?: () => string;
  /** The app's embedder functions, for the collections host functions (absent where no app is loaded). */
  embedders?: Embedders;
}

/** Runs the app's embedder functions, each call in a fresh instance. */
export interface Embedders {
  /** One vector per text, from the function `functionName` (checked at start to be an embedder). */
  embed(parent: CallContext, functionName: string, texts: string[]): Promise<Float32Array[]>;
}

/** One line a function logged, with the level it used (`""` for `console.log`). */
export interface LogEntry {
  level: string;
  message: string;
}

/** Where a call's log lines go: a bounded {@link CallLogs} in production, any array in tests. */
export interface LogSink extends Iterable<LogEntry> {
  push(entry: LogEntry): unknown;
}

/** What one call used, filled in as it runs (logged with the call, to tune the limits). */
export interface CallUsage {
  /** Fuel units (about one Wasm instruction each). */
  fuel: number;
  /** The instance's linear memory at its largest, in bytes. */
  memoryBytes: number;
}

/** What all function calls of one request share. */
export interface RequestScope {
  /** Compute left for the request's calls together. */
  readonly fuel: FuelPool;
  /** Outbound host calls: concurrency and count. */
  readonly hostCalls: HostCallGate;
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
  /** The app's manifest: connections and models the host functions may use. */
  readonly manifest: Manifest;
  /** Records model calls and writes structured logs. */
  readonly services: Services;
  /** The request's IANA time zone (`X-Time-Zone`), if it named one. */
  readonly timeZone?: string;
  /** The verified JWT claims as JSON, seen by the guest as the WASI env `CLAIMS`. */
  readonly claims?: string;
  readonly logs: LogSink;
  /** The request's limits (defaults when absent). */
  readonly limits?: Limits;
  /** What the request's calls share (none when a call runs outside a request, as in ABI tests). */
  readonly request?: RequestScope;
  /** Where the call's usage is written, when the caller wants it. */
  readonly usage?: CallUsage;
  /**
   * What host functions opened for this call (database connections), by key;
   * the resolver closes them when the call ends. Absent where nothing closes
   * them (tests, benchmarks): host functions then close their own.
   */
  readonly resources?: Map<string, Promise<CallResource>>;
  /** The agent the call runs inside (its Durable Object), when it runs in one. */
  readonly agent?: CallingAgent;
}

/** An agent whose instance makes the call: its identity and its own event channel. */
export interface CallingAgent {
  readonly id: string;
  readonly name: string;
  /** Publishes to the agent's subscribers, in order with its status events. */
  publish(eventName: string, data: unknown): void;
}

/** Something a call keeps open across its host calls, closed when the call ends. */
export interface CallResource {
  close(): Promise<void>;
}

/**
 * Closes everything the call opened; a failure to close is ignored, never thrown.
 *
 * @example await closeResources(ctx);
 */
export async function closeResources(ctx: CallContext): Promise<void> {
  if (!ctx.resources?.size) return;
  const open = [...ctx.resources.values()];
  ctx.resources.clear();
  await Promise.all(
    open.map(async (r) => {
      try {
        await (await r).close();
      } catch {
        // A resource that failed to open, or a connection already gone: nothing to close.
      }
    }),
  );
}

/** Log levels that make a GraphQL error for the field, as in Modus. */
export const ERROR_LEVELS: ReadonlySet<string> = new Set(["error", "fatal"]);
