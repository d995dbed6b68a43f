// R2's switch: one instance kept for the isolate's life and reused by every
// call, in place of production's fresh instance per call. Bench-only and
// unsafe in production: a suspended call would share guest state with the
// next, and imports stay bound to the first call's context. Safe here because
// the benched function (`sayHello`) never suspends and calls no host function.
import { callIn, instantiateFor, type FunctionPlan, type GuestInstance } from "../../src/wasm/invoke";
import type { ImportsFactory } from "../../src/hostfns";
import type { CallContext } from "../../src/wasm/context";
import type { Invoke } from "../../src/graphql/resolvers";

/**
 * An `invoke` with the signature of production's that instantiates and
 * initialises once, then runs production's own lower/call/lift path
 * (`callIn`) on the same instance for every call.
 *
 * @example const call = reusingInvoke(); await call(module, imports, plan, { name: "edge" }, ctx);
 */
export function reusingInvoke(): Invoke {
  let held: GuestInstance | undefined;
  return async (module: WebAssembly.Module, imports: ImportsFactory, plan: FunctionPlan, args: Readonly<Record<string, unknown>>, ctx: CallContext) => {
    held ??= instantiateFor(module, imports, ctx);
    return callIn(held, plan, args, ctx);
  };
}
