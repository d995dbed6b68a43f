// The same Yoga setup as src/graphql/yoga.ts (plugins, masking, scalars,
// context), with resolvers given by the caller: the bench's baselines and
// switches answer the same schema through the same pipeline, so a row differs
// from production only in its resolvers.
import { createSchema, createYoga } from "graphql-yoga";
import type { GraphQLFieldResolver } from "graphql";
import type { GeneratedSchema } from "../../src/schema/generate";
import { maskError } from "../../src/graphql/errors";
import { customScalars } from "../../src/graphql/scalars";
import { useInvocations } from "../../src/graphql/plugins/use-invocations";
import { useLimits } from "../../src/graphql/plugins/use-limits";
import type { ModusContext, ServerContext } from "../../src/graphql/context";
import type { ModusYoga } from "../../src/graphql/yoga";

export type BenchResolvers = Record<string, Record<string, GraphQLFieldResolver<unknown, ModusContext>>>;

/**
 * A Yoga configured exactly as `createModusYoga`, with other resolvers.
 *
 * @example createBenchYoga({ schema, endpoint: "/bench/js", resolvers: { Query: { sayHello } } })
 */
export function createBenchYoga(opts: { schema: GeneratedSchema; endpoint: string; resolvers: BenchResolvers }): ModusYoga {
  const resolvers: Record<string, unknown> = { ...opts.resolvers };
  for (const [name, scalar] of customScalars) {
    if (new RegExp(`^scalar ${name}$`, "m").test(opts.schema.sdl)) resolvers[name] = scalar;
  }
  return createYoga<ServerContext, ModusContext>({
    schema: createSchema<ModusContext>({ typeDefs: opts.schema.sdl, resolvers: resolvers as never }),
    graphqlEndpoint: opts.endpoint,
    graphiql: false,
    landingPage: false,
    batching: false,
    maskedErrors: { maskError },
    context: (initial) => ({ ...initial, modus: { calls: new Map() } }),
    plugins: [useLimits(), useInvocations()],
  });
}
