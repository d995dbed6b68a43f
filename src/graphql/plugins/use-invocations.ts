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
          const errors: GraphQLError[] = [];
          for (const [key, call] of calls) {
            const lines = [...call.logs];
            const logs = lines
              .filter((l) => !ERROR_LEVELS.has(l.level))
              .map((l) => (l.level ? { level: l.level, message: l.message } : { message: l.message }));
            invocations[key] = { executionId: call.executionId, ...(logs.length ? { logs } : {}) };
            for (const l of lines) {
              // A fatal line is the abort itself, already reported as the field's error.
              if (l.level === "error") errors.push(createGraphQLError(l.message, { path: [key], extensions: { level: l.level } }));
            }
          }
          setResult({
            ...result,
            ...(errors.length || result.errors?.length ? { errors: [...(result.errors ?? []), ...errors] } : {}),
            extensions: { ...result.extensions, invocations },
          });
        },
      };
    },
  };
}

function isSingle(result: unknown): result is ExecutionResult {
  return typeof result === "object" && result !== null && !(Symbol.asyncIterator in result);
}
