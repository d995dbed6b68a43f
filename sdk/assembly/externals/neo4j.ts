// Raw host imports of the `modus_neo4j_client` module. The public API is `neo4j`.
import { EagerResult } from "../neo4j";

// @ts-expect-error: decorator
@external("modus_neo4j_client", "executeQuery")
export declare function executeQuery(
  connection: string,
  dbName: string,
  query: string,
  parametersJson: string,
): EagerResult;
