import type { CallContext, RequestScope } from "../wasm/context";
import type { Limits } from "../limits";

/** What the Worker hands Yoga for each request. */
export interface ServerContext {
  env: Readonly<Record<string, unknown>>;
  /** The request's time zone from `X-Time-Zone`, already checked. */
  timeZone?: string;
  /** The request's JWT claims as JSON, when auth found a token. */
  claims?: string;
  /** The limits read from the env (read here when absent). */
  limits?: Limits;
}

/** Per-request state the resolvers fill and the invocations plugin reports. */
export interface RequestState {
  /** Each root field's call, by response key (alias or field name). */
  readonly calls: Map<string, CallContext>;
  readonly limits: Limits;
  /** The fuel pool and host-call gate all the request's calls share. */
  readonly scope: RequestScope;
}

export interface ModusContext extends ServerContext {
  readonly modus: RequestState;
}
