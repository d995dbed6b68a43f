import { executeNeo4j } from "../data/neo4j/execute";
import type { AbiHostFunction } from "./types";

/** The `modus_neo4j_client` import module, over Neo4j's HTTP Query API. */
export const neo4jFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_neo4j_client",
    name: "executeQuery",
    params: ["string", "string", "string", "string"],
    result: "EagerResult",
    async: true,
    outbound: true,
    impl: executeNeo4j,
  },
];
