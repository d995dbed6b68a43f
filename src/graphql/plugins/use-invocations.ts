import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { ExecutionResult, GraphQLError } from "graphql";
import { ERROR_LEVELS } from "../../wasm/context";
import type { ModusContext } from "../context";

/**
 * Reports each root field's function call as Modus does: its execution id
 * and non-error log lines under `extensions.invocations.<key>`, and each
 * `error`-level line as a GraphQL error on that field (beside its data).
 */
export function useInvocations(): Plugin<ModusContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const calls = (args.contextValue as ModusContext).modus.calls;
          if (!calls.size || !isSingle(result)) return;
          const invocations: Record<string, unknown> = {};
          const logged = new Map<string, GraphQLError[]>();
          for (const [key, call] of calls) {
            const lines = [...call.logs];
            const logs = lines
              .filter((l) => !ERROR_LEVELS.has(l.level))
              .map((l) => (l.level ? { level: l.level, message: l.message } : { message: l.message }));
            invocations[key] = { executionId: call.executionId, ...(logs.length ? { logs } : {}) };
            // A fatal line is the abort itself, already reported as the field's error.
            const errors = lines.filter((l) => l.level === "error").map((l) => createGraphQLError(l.message, { path: [key], extensions: { level: l.level } }));
            if (errors.length) logged.set(key, errors);
          }
          setResult({
            ...result,
            ...(logged.size || result.errors?.length ? { errors: withLoggedErrors(result.errors ?? [], logged) } : {}),
            extensions: { ...result.extensions, invocations },
          });
        },
      };
    },
  };
}

// As in Modus, a field's logged errors come before the field's own error (what they usually explain);
// those of fields that did not fail follow the request's errors.
function withLoggedErrors(errors: readonly GraphQLError[], logged: Map<string, GraphQLError[]>): GraphQLError[] {
  const out: GraphQLError[] = [];
  for (const err of errors) {
    const key = err.path?.[0];
    const before = typeof key === "string" ? logged.get(key) : undefined;
    if (before) {
      out.push(...before);
      logged.delete(key as string);
    }
    out.push(err);
  }
  for (const rest of logged.values()) out.push(...rest);
  return out;
}

function isSingle(result: unknown): result is ExecutionResult {
  return typeof result === "object" && result !== null && !(Symbol.asyncIterator in result);
}
