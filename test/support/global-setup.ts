// Starts the stand-ins for internet services (a model provider, a JWKS
// endpoint) on 127.0.0.1 before the workerd tests, and hands their addresses
// to the pool, which passes them to the Worker as env.
import type { TestProject } from "vitest/node";
import { startProviderStub } from "./provider-stub.ts";
import { startJwksServer } from "./jwks-server.ts";
import { startPostgres, startMariadb, type DatabaseServer } from "./databases.ts";
import { startGraphqlStandin } from "./graphql-standin.ts";
import { startDgraphStandin } from "./dgraph-standin.ts";
import { startNeo4jStandin } from "./neo4j-standin.ts";

export const TEST_API_KEY = "sk-test-7f3a9c2e51";
/** The test databases' passwords (scanned for in every log line and response). */
export const DB_PASSWORDS = { postgres: "pg-pass-5c81e07d", mysql: "my-pass-9a24b6f3" };
/** The GraphQL, Dgraph and Neo4j stand-ins' credentials (named so the scanner looks for them too). */
export const STANDIN_SECRETS = { graphqlKey: "gql-key-61d0a9", dgraphToken: "dg-token-2f7c44", neo4jPassword: "neo-pass-8e13b5" };

declare module "vitest" {
  export interface ProvidedContext {
    providerUrl: string;
    jwksUrl: string;
    pems: Record<string, string>;
    /** The real databases the data tests use (test/support/databases.ts). */
    postgres: Pick<DatabaseServer, "host" | "port" | "user" | "password" | "database" | "url">;
    mysql: Pick<DatabaseServer, "host" | "port" | "user" | "password" | "database" | "url">;
    graphqlUrl: string;
    dgraphUrl: string;
    neo4jUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const provider = await startProviderStub({ apiKey: TEST_API_KEY, slowMs: 3000 });
  const jwks = await startJwksServer();
  project.provide("providerUrl", provider.url);
  project.provide("jwksUrl", jwks.url);
  project.provide("pems", jwks.pems);
  // Both at once: each takes a few seconds to initialise its data folder.
  const [postgres, mysql] = await Promise.all([startPostgres(DB_PASSWORDS.postgres), startMariadb(DB_PASSWORDS.mysql)]);
  const shape = (d: DatabaseServer) => ({ host: d.host, port: d.port, user: d.user, password: d.password, database: d.database, url: d.url });
  project.provide("postgres", shape(postgres));
  project.provide("mysql", shape(mysql));
  const graphqlApi = await startGraphqlStandin(STANDIN_SECRETS.graphqlKey);
  const dgraph = await startDgraphStandin(STANDIN_SECRETS.dgraphToken);
  const neo4j = await startNeo4jStandin("neo4j", STANDIN_SECRETS.neo4jPassword);
  project.provide("graphqlUrl", graphqlApi.url);
  project.provide("dgraphUrl", dgraph.url);
  project.provide("neo4jUrl", neo4j.url);
  return async () => {
    await provider.close();
    await jwks.close();
    await Promise.all([postgres.close(), mysql.close(), graphqlApi.close(), dgraph.close(), neo4j.close()]);
  };
}
