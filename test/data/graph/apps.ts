// The GraphQL, Dgraph and Neo4j test apps, each pointed at its stand-in with
// MODUS_<CONNECTION>_ORIGIN and given the secrets its modus.json templates name.
import gqlWasm from "../build/graphql/app.wasm";
import gqlManifest from "../build/graphql/modus.json";
import gqlDrivers from "../build/graphql/drivers.ts";
import dgWasm from "../build/dgraph/app.wasm";
import dgManifest from "../build/dgraph/modus.json";
import dgDrivers from "../build/dgraph/drivers.ts";
import neoWasm from "../build/neo4j/app.wasm";
import neoManifest from "../build/neo4j/modus.json";
import neoDrivers from "../build/neo4j/drivers.ts";
import { dataApp } from "../app";
import { testEnv } from "../../helpers";

const origin = (url: string) => new URL(url).origin;

export const graphqlApp = dataApp(gqlWasm, gqlManifest, gqlDrivers, () => ({
  MODUS_COUNTRIES_API_ORIGIN: origin(testEnv.TEST_GRAPHQL_URL!),
  MODUS_COUNTRIES_API_API_KEY: testEnv.TEST_GRAPHQL_API_KEY,
  MODUS_FAILING_API_ORIGIN: origin(testEnv.TEST_GRAPHQL_URL!),
  MODUS_NOT_JSON_API_ORIGIN: origin(testEnv.TEST_GRAPHQL_URL!),
}));

export const dgraphApp = dataApp(dgWasm, dgManifest, dgDrivers, () => ({
  MODUS_DGRAPH_ORIGIN: origin(testEnv.TEST_DGRAPH_URL!),
  MODUS_DGRAPH_API_KEY: testEnv.TEST_DGRAPH_TOKEN,
}));

export const neo4jApp = dataApp(neoWasm, neoManifest, neoDrivers, () => ({
  MODUS_MY_DATABASE_ORIGIN: origin(testEnv.TEST_NEO4J_URL!),
  MODUS_MY_DATABASE_USERNAME: "neo4j",
  MODUS_MY_DATABASE_PASSWORD: testEnv.TEST_NEO4J_PASSWORD,
}));

export const messages = (body: any): string[] => (body.errors ?? []).map((e: any) => e.message as string);
