import { createGraphQLError } from "graphql-yoga";
import { GraphQLError } from "graphql";

/** `extensions.code` values this runtime uses. */
export const ErrorCode = {
  FunctionError: "FUNCTION_ERROR",
  BadArgument: "BAD_USER_INPUT",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;

/**
 * Passes GraphQL errors through; replaces any other error with "Unexpected error." and a correlation id
 * that is also logged with the real error, so nothing internal leaks.
 */
export function maskError(error: unknown, message: string): GraphQLError {
  // GraphQL errors (parse, validation, ours with a code) are meant for the client.
  if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) {
    return error;
  }
  const original = (error as { originalError?: unknown }).originalError ?? error;
  const correlationId = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", msg: "unexpected error", correlationId, error: String(original) }));
  return createGraphQLError(message, {
    ...(isPathed(error) ? { path: error.path } : {}),
    extensions: { code: ErrorCode.Internal, correlationId },
  });
}

function isPathed(e: unknown): e is { path: readonly (string | number)[] } {
  return typeof e === "object" && e !== null && Array.isArray((e as { path?: unknown }).path);
}
