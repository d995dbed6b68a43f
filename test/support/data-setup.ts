// Starts what the data tests talk to, for the project that runs them: real
// PostgreSQL and MariaDB servers, and stand-ins for a GraphQL API, Dgraph and
// Neo4j (internet services that cannot be installed here), all on 127.0.0.1.
import type { TestProject } from "vitest/node";
import { startPostgres, startMariadb, type DatabaseServer } from "./databases.ts";
import { startGraphqlStandin } from "./graphql-standin.ts";
import { startDgraphStandin } from "./dgraph-standin.ts";
import { startNeo4jStandin } from "./neo4j-standin.ts";

/** The test databases' passwords (scanned for in every log line and response). */
export const DB_PASSWORDS = { postgres: "pg-pass-5c81e07d", mysql: "my-pass-9a24b6f3" };
/** The GraphQL, Dgraph and Neo4j stand-ins' credentials (named so the scanner looks for them too). */
export const STANDIN_SECRETS = { graphqlKey: "gql-key-61d0a9", dgraphToken: "dg-token-2f7c44", neo4jPassword: "neo-pass-8e13b5" };

declare module "vitest" {
  export interface ProvidedContext {
    /** The real databases the data tests use (test/support/databases.ts). */
    postgres: Pick<DatabaseServer, "host" | "port" | "user" | "password" | "database" | "url">;
    mysql: Pick<DatabaseServer, "host" | "port" | "user" | "password" | "database" | "url">;
    graphqlUrl: string;
    dgraphUrl: string;
    neo4jUrl: string;
  }
}

export default async function setup(project: TestProject) {
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
    await Promise.all([postgres.close(), mysql.close(), graphqlApi.close(), dgraph.close(), neo4j.close()]);
  };
}
