import { executeGraphql } from "../data/graphql/execute";
import type { AbiHostFunction } from "./types";

/** The `modus_graphql_client` import module: GraphQL over an http connection's endpoint. */
export const graphqlFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_graphql_client",
    name: "executeQuery",
    params: ["string", "string", "string"],
    result: "string",
    async: true,
    outbound: true,
    impl: executeGraphql,
  },
];
