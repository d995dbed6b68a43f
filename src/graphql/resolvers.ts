import { createGraphQLError } from "graphql-yoga";
import { responsePathAsArray, type GraphQLFieldResolver } from "graphql";
import type { RootField } from "../schema/generate";
import { AbiError, ResultError } from "../wasm/errors";
import { FunctionError, invoke, type FunctionPlan } from "../wasm/invoke";

/** How a resolver runs a call: production's `invoke` (a fresh instance), or a variant the benchmarks compare. */
export type Invoke = typeof invoke;
import type { ImportsFactory } from "../hostfns";
import { closeResources, type CallContext, type Services } from "../wasm/context";
import { CallLogs } from "../wasm/logs";
import type { Manifest } from "../manifest/types";
import { ErrorCode } from "./errors";
import type { ModusContext } from "./context";

/** What resolvers need from the loaded app; built once per isolate. */
export interface ResolverDeps {
  module: WebAssembly.Module;
  manifest: Manifest;
  services: Services;
  imports: ImportsFactory;
  plans: ReadonlyMap<string, FunctionPlan>;
}

/**
 * One resolver per root field: each call runs in its own fresh instance, so
 * root fields of one operation may run concurrently without sharing state.
 */
export function buildResolvers(fields: readonly RootField[], deps: ResolverDeps, call: Invoke = invoke) {
  const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, ModusContext>>> = {};
  for (const f of fields) {
    const plan = deps.plans.get(f.functionName)!;
    const type = f.operation === "query" ? "Query" : "Mutation";
    (resolvers[type] ??= {})[f.fieldName] = (_root, args, context, info) =>
      callFunction(deps, call, plan, args, context, responsePathAsArray(info.path));
  }
  return resolvers;
}

// Synchronous when the call is (src/wasm/invoke.ts): GraphQL execution then stays synchronous too.
function callFunction(
  deps: ResolverDeps,
  call: Invoke,
  plan: FunctionPlan,
  args: Record<string, unknown>,
  context: ModusContext,
  path: (string | number)[],
): unknown {
  const ctx: CallContext = {
    executionId: deps.services.newId?.() ?? crypto.randomUUID(),
    functionName: plan.signature.name,
    env: context.env,
    manifest: deps.manifest,
    services: deps.services,
    ...(context.timeZone ? { timeZone: context.timeZone } : {}),
    ...(context.claims ? { claims: context.claims } : {}),
    logs: new CallLogs(context.modus.limits),
    limits: context.modus.limits,
    request: context.modus.scope,
    usage: { fuel: 0, memoryBytes: 0 },
    resources: new Map(),
  };
  context.modus.calls.set(String(path[0]), ctx);
  const started = performance.now();
  // Connections the call opened are closed before it reports (a synchronous call opens none: they are async host functions).
  const closed = <T>(then: () => T): T | Promise<T> => (ctx.resources?.size ? closeResources(ctx).then(then) : then());
  const done = (value: unknown) =>
    closed(() => {
      report(deps.services, ctx, "ok", performance.now() - started);
      return value;
    });
  const failed = (err: unknown) => closed(() => fail(err));
  const fail = (err: unknown): null => {
    const outcome = err instanceof FunctionError || err instanceof ResultError ? "error" : err instanceof AbiError ? "bad_input" : "internal";
    if (err instanceof FunctionError && err.limit) deps.services.metrics.count("modus_limits_total", { limit: err.limit });
    report(deps.services, ctx, outcome, performance.now() - started);
    // Its logged lines say why (src/graphql/plugins/use-invocations.ts): the field is null beside them.
    if (err instanceof FunctionError && err.explained) return null;
    if (err instanceof FunctionError || err instanceof ResultError) {
      throw createGraphQLError(err.message, { path, extensions: { code: ErrorCode.FunctionError, level: "fatal" } });
    }
    if (err instanceof AbiError) {
      throw createGraphQLError(`${plan.signature.name}: ${err.message}`, { path, extensions: { code: ErrorCode.BadArgument } });
    }
    throw err;
  };
  let result: unknown;
  try {
    result = call(deps.module, deps.imports, plan, args, ctx);
  } catch (err) {
    return failed(err);
  }
  return result instanceof Promise ? result.then(done, failed) : done(result);
}

// Function log lines carry the call's execution id, so a request's lines can be found together.
function report(services: Services, ctx: CallContext, outcome: string, ms: number) {
  const { executionId, functionName, usage } = ctx;
  for (const l of ctx.logs) {
    services.log({ msg: l.message, level: logLevel(l.level), source: "function", function: functionName, executionId });
  }
  if (ctx.logs instanceof CallLogs && ctx.logs.dropped) services.metrics.count("modus_limits_total", { limit: "logs" });
  services.log({ msg: "function call", function: functionName, executionId, outcome, durationMs: Math.round(ms), ...usage });
  services.metrics.count("modus_function_calls_total", { function: functionName, outcome });
  services.metrics.observe("modus_function_duration_seconds", { function: functionName }, ms / 1000);
}

const logLevel = (level: string) =>
  level === "warning" ? "warn" : level === "error" || level === "fatal" || level === "debug" ? level : "info";
