// The same Yoga setup as production (src/graphql/yoga.ts `yogaWithResolvers`:
// plugins, masking, scalars, context), with resolvers given by the caller: the
// bench's baselines and switches answer the same schema through the same
// pipeline, so a row differs from production only in its resolvers.
import type { GraphQLFieldResolver } from "graphql";
import type { GeneratedSchema } from "../../src/schema/generate";
import type { ModusContext } from "../../src/graphql/context";
import { yogaWithResolvers, type ModusYoga } from "../../src/graphql/yoga";

export type BenchResolvers = Record<string, Record<string, GraphQLFieldResolver<unknown, ModusContext>>>;

/**
 * A Yoga configured exactly as `createModusYoga`, with other resolvers.
 *
 * @example createBenchYoga({ schema, endpoint: "/bench/js", resolvers: { Query: { sayHello } } })
 */
export function createBenchYoga(opts: { schema: GeneratedSchema; endpoint: string; resolvers: BenchResolvers }): ModusYoga {
  return yogaWithResolvers(opts);
}
