import { createGraphQLError } from "graphql-yoga";
import { responsePathAsArray, type GraphQLFieldResolver } from "graphql";
import type { RootField } from "../schema/generate";
import { AbiError } from "../wasm/errors";
import { FunctionError, invoke, type FunctionPlan } from "../wasm/invoke";
import type { ImportsFactory } from "../hostfns";
import type { CallContext } from "../wasm/context";
import { ErrorCode } from "./errors";
import type { ModusContext } from "./context";

/** What resolvers need from the loaded app; built once per isolate. */
export interface ResolverDeps {
  module: WebAssembly.Module;
  imports: ImportsFactory;
  plans: ReadonlyMap<string, FunctionPlan>;
}

/**
 * One resolver per root field: each call runs in its own fresh instance, so
 * root fields of one operation may run concurrently without sharing state.
 */
export function buildResolvers(fields: readonly RootField[], deps: ResolverDeps) {
  const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, ModusContext>>> = {};
  for (const f of fields) {
    const plan = deps.plans.get(f.functionName)!;
    const type = f.operation === "query" ? "Query" : "Mutation";
    (resolvers[type] ??= {})[f.fieldName] = (_root, args, context, info) =>
      callFunction(deps, plan, args, context, responsePathAsArray(info.path));
  }
  return resolvers;
}

async function callFunction(
  deps: ResolverDeps,
  plan: FunctionPlan,
  args: Record<string, unknown>,
  context: ModusContext,
  path: (string | number)[],
): Promise<unknown> {
  const ctx: CallContext = {
    executionId: crypto.randomUUID(),
    functionName: plan.signature.name,
    env: context.env,
    ...(context.timeZone ? { timeZone: context.timeZone } : {}),
    logs: [],
  };
  context.modus.calls.set(String(path[0]), ctx);
  try {
    return await invoke(deps.module, deps.imports, plan, args, ctx);
  } catch (err) {
    if (err instanceof FunctionError) {
      throw createGraphQLError(err.message, { path, extensions: { code: ErrorCode.FunctionError, level: "fatal" } });
    }
    if (err instanceof AbiError) {
      throw createGraphQLError(`${plan.signature.name}: ${err.message}`, { path, extensions: { code: ErrorCode.BadArgument } });
    }
    throw err;
  }
}
