// Resolvers that call Wasm functions the way src/graphql/resolvers.ts does
// (a call context per root field, recorded for the invocations plugin,
// reported to logs and metrics), with the invoke function given: production's
// `invoke` (a fresh instance per call) or the bench's reusing one. The
// per-call work outside `invoke` is the same in both, so R2 isolates the
// instance's cost. Error mapping is left out: the benched functions succeed.
import { responsePathAsArray } from "graphql";
import type { RootField } from "../../src/schema/generate";
import type { ResolverDeps } from "../../src/graphql/resolvers";
import type { invoke } from "../../src/wasm/invoke";
import type { CallContext } from "../../src/wasm/context";
import type { BenchResolvers } from "./yoga";

export type Invoke = typeof invoke;

/** One resolver per root field, each calling `call` with a fresh call context. */
export function callingResolvers(fields: readonly RootField[], deps: ResolverDeps, call: Invoke): BenchResolvers {
  const resolvers: BenchResolvers = {};
  for (const f of fields) {
    const plan = deps.plans.get(f.functionName)!;
    (resolvers[f.operation === "query" ? "Query" : "Mutation"] ??= {})[f.fieldName] = async (_root, args, context, info) => {
      const ctx: CallContext = {
        executionId: crypto.randomUUID(),
        functionName: plan.signature.name,
        env: context.env,
        manifest: deps.manifest,
        services: deps.services,
        logs: [],
      };
      context.modus.calls.set(String(responsePathAsArray(info.path)[0]), ctx);
      const started = performance.now();
      try {
        return await call(deps.module, deps.imports, plan, args, ctx);
      } finally {
        const ms = performance.now() - started;
        deps.services.log({ msg: "function call", function: ctx.functionName, executionId: ctx.executionId, outcome: "ok", durationMs: Math.round(ms) });
        deps.services.metrics.count("modus_function_calls_total", { function: ctx.functionName, outcome: "ok" });
        deps.services.metrics.observe("modus_function_duration_seconds", { function: ctx.functionName }, ms / 1000);
      }
    };
  }
  return resolvers;
}
