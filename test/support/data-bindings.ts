// The test Worker's env for the data tests: where the real databases and the
// Dgraph / Neo4j / GraphQL stand-ins listen, their credentials, and Hyperdrive
// bindings (miniflare proxies them to the real servers, as Hyperdrive would).
import { STANDIN_SECRETS } from "./data-setup.ts";

type Inject = (key: any) => any;

/** Plain bindings; names with PASSWORD are scanned for in every log line and response. */
export function dataBindings(inject: Inject): Record<string, string> {
  const pg = inject("postgres");
  const my = inject("mysql");
  return {
    TEST_PG_URL: pg.url,
    TEST_PG_HOST: `${pg.host}:${pg.port}`,
    TEST_PG_USER: pg.user,
    TEST_PG_PASSWORD: pg.password,
    TEST_MYSQL_URL: my.url,
    TEST_MYSQL_USER: my.user,
    TEST_MYSQL_PASSWORD: my.password,
    TEST_GRAPHQL_URL: inject("graphqlUrl"),
    TEST_GRAPHQL_API_KEY: STANDIN_SECRETS.graphqlKey,
    TEST_DGRAPH_URL: inject("dgraphUrl"),
    TEST_DGRAPH_TOKEN: STANDIN_SECRETS.dgraphToken,
    TEST_NEO4J_URL: inject("neo4jUrl"),
    TEST_NEO4J_PASSWORD: STANDIN_SECRETS.neo4jPassword,
  };
}

/** Hyperdrive bindings, by name; the compositions in test/data hand them to the app under its connection's name. */
export function dataHyperdrives(inject: Inject): Record<string, string> {
  const pg = inject("postgres");
  const my = inject("mysql");
  return {
    TEST_PG_HYPERDRIVE: pg.url,
    TEST_MYSQL_HYPERDRIVE: my.url,
    TEST_MYSQL_WRONG_PASSWORD_HYPERDRIVE: `mysql://${my.user}:not-the-password@${my.host}:${my.port}/${my.database}`,
  };
}
