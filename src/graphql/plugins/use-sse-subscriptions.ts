import { createGraphQLError, type Plugin } from "graphql-yoga";
import { getOperationAST, parse, OperationTypeNode } from "graphql";

/** Modus's answer to a subscription that does not accept Server-Sent Events. */
export const SSE_REQUIRED =
  "Subscriptions use SSE (Server-Sent Events). Requests must accept 'text/event-stream' for SSE responses.";

/**
 * Serves subscriptions over Server-Sent Events only, as Modus does (GraphQL
 * over SSE, distinct connections): a subscription whose request does not
 * accept `text/event-stream` is refused with 400 before it runs.
 *
 * @example plugins: [useSseSubscriptions()]
 */
export function useSseSubscriptions(): Plugin {
  return {
    onParams({ params, request }) {
      // Most operations never mention the word: only those are parsed here.
      if (!params.query?.includes("subscription") || acceptsEventStream(request)) return;
      let operation;
      try {
        operation = getOperationAST(parse(params.query), params.operationName);
      } catch {
        return; // Yoga reports the syntax error itself.
      }
      if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
        throw createGraphQLError(SSE_REQUIRED, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
      }
    },
  };
}

/** Does any `Accept` value name `text/event-stream` (parameters and case ignored)? */
export function acceptsEventStream(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return accept.split(",").some((v) => v.split(";")[0]!.trim().toLowerCase() === "text/event-stream");
}
