import { createSchema, createYoga, type YogaServerInstance } from "graphql-yoga";
import type { GeneratedSchema } from "../schema/generate";
import { maskError } from "./errors";
import { buildResolvers, type ResolverDeps } from "./resolvers";
import { customScalars } from "./scalars";
import { useInvocations } from "./plugins/use-invocations";
import { useLimits } from "./plugins/use-limits";
import { useArgumentErrors } from "./plugins/use-argument-errors";
import { useParserLimits } from "./plugins/use-parser-limits";
import { useJsonBody } from "./plugins/use-json-body";
import { useSseSubscriptions } from "./plugins/use-sse-subscriptions";
import { subscriptionResolvers } from "./subscriptions";
import type { ModusContext, RequestState, ServerContext } from "./context";
import type { GraphQLFieldResolver } from "graphql";
import { readLimits, type Limits } from "../limits";
import { FUEL_PER_MS } from "../wasm/meter";
import { HostCallGate } from "../hostfns/gate";
import { MeasuredResponse } from "../middleware/response-limit";

export type ModusYoga = YogaServerInstance<ServerContext, ModusContext>;

// What one request's calls share: its limits, fuel pool and outbound-call gate.
function requestState(limits: Limits): RequestState {
  return {
    calls: new Map(),
    limits,
    scope: { fuel: { left: limits.requestTimeMs * FUEL_PER_MS }, hostCalls: new HostCallGate(limits) },
  };
}

/**
 * The GraphQL server for one endpoint, built once per isolate: the generated
 * schema with one resolver per function, Modus's invocation reporting, and
 * masked unexpected errors. No GraphiQL page (it would load from a CDN).
 *
 * @example
 *   const yoga = createModusYoga({ schema, deps, endpoint: "/graphql" });
 *   app.all("/graphql", (c) => yoga.fetch(c.req.raw, { env: c.env }));
 */
export function createModusYoga(opts: { schema: GeneratedSchema; deps: ResolverDeps; endpoint: string }): ModusYoga {
  return yogaWithResolvers({ ...opts, resolvers: buildResolvers(opts.schema.fields, opts.deps) });
}

/**
 * The same server around other root resolvers (the benchmarks compare plain
 * JavaScript resolvers against the Wasm ones in an identical setup).
 *
 * @example yogaWithResolvers({ schema, endpoint: "/bench/js", resolvers: { Query: { sayHello } } })
 */
export function yogaWithResolvers(opts: {
  schema: GeneratedSchema;
  endpoint: string;
  resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, ModusContext>>>;
}): ModusYoga {
  // Modus declares `Subscription.agentEvent` in every schema: agents' events, over SSE.
  const resolvers: Record<string, unknown> = { ...subscriptionResolvers(), ...opts.resolvers };
  for (const [name, scalar] of customScalars) {
    if (new RegExp(`^scalar ${name}$`, "m").test(opts.schema.sdl)) resolvers[name] = scalar;
  }
  return createYoga<ServerContext, ModusContext>({
    schema: createSchema<ModusContext>({ typeDefs: opts.schema.sdl, resolvers: resolvers as never }),
    graphqlEndpoint: opts.endpoint,
    graphiql: false,
    landingPage: false,
    batching: false,
    // The endpoint middleware refuses every POST that is not JSON (415), so Yoga's multipart parser never matches.
    multipart: false,
    maskedErrors: { maskError },
    context: (initial) => ({ ...initial, modus: requestState(initial.limits ?? readLimits(initial.env)) }),
    // CORS is the Worker's (src/middleware/cors), from the env; Yoga's default echoes any origin.
    cors: false,
    // Bodies are read by useJsonBody, which bounds them without re-streaming each one.
    maxRequestBodySize: false,
    // Its answers carry their length, so the response limit need not read them back.
    fetchAPI: { Response: MeasuredResponse },
    plugins: [useJsonBody(), useParserLimits(), useLimits(), useArgumentErrors(), useInvocations(), useSseSubscriptions()],
  });
}
