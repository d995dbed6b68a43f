import { createGraphQLError } from "graphql-yoga";
import type { GraphQLFieldResolver } from "graphql";
import { AgentBindingError, agentStub, readEvents, type AgentEvent } from "../agents";
import type { ModusContext } from "./context";

/** `extensions.code` of a subscription the agent cannot take. */
export const AGENT_UNAVAILABLE = "AGENT_UNAVAILABLE";

interface SubscriptionField {
  subscribe: GraphQLFieldResolver<unknown, ModusContext, { agentId: string }, Promise<AsyncIterable<AgentEvent>>>;
  resolve: (event: AgentEvent) => AgentEvent;
}

/**
 * The resolver of Modus's one subscription, `agentEvent(agentId)`: the
 * agent's published events and status changes, in order, from its Durable
 * Object, until the agent is terminated (then the stream completes) or the
 * client goes away. An unknown or ending agent is refused with Modus's message.
 *
 * @example createSchema({ typeDefs, resolvers: { ...resolvers, ...subscriptionResolvers() } })
 */
export function subscriptionResolvers(): { Subscription: { agentEvent: SubscriptionField } } {
  return {
    Subscription: {
      agentEvent: {
        subscribe: async (_root, { agentId }, context) => {
          let outcome;
          try {
            outcome = await agentStub(context.env, agentId).subscribe(agentId);
          } catch (err) {
            if (err instanceof AgentBindingError) throw createGraphQLError(err.message, { extensions: { code: AGENT_UNAVAILABLE } });
            throw err;
          }
          if ("error" in outcome) throw createGraphQLError(outcome.error, { extensions: { code: AGENT_UNAVAILABLE } });
          return readEvents(outcome.ok);
        },
        resolve: (event) => event,
      },
    },
  };
}
