import type { CallContext } from "../wasm/context";

/** What the Worker hands Yoga for each request. */
export interface ServerContext {
  env: Readonly<Record<string, unknown>>;
  /** The request's time zone from `X-Time-Zone`, already checked. */
  timeZone?: string;
  /** The request's JWT claims as JSON, when auth found a token. */
  claims?: string;
}

/** Per-request state the resolvers fill and the invocations plugin reports. */
export interface RequestState {
  /** Each root field's call, by response key (alias or field name). */
  readonly calls: Map<string, CallContext>;
}

export interface ModusContext extends ServerContext {
  readonly modus: RequestState;
}
