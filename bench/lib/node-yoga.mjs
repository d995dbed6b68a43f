// Child process: R6's baseline, graphql-yoga on node:http with the example
// app's SDL (argv[2]) and `sayHello` answered by a plain JavaScript resolver.
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";

const yoga = createYoga({
  schema: createSchema({
    typeDefs: process.argv[2],
    resolvers: { Query: { sayHello: (_root, args) => "Hello, " + args.name + "!" } },
  }),
  graphqlEndpoint: "/graphql",
  graphiql: false,
  landingPage: false,
  logging: false,
});
const server = createServer(yoga);
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }) + "\n");
});
