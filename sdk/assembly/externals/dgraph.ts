// Raw host imports of the `modus_dgraph_client` module. The public API is `dgraph`.
import { Request, Response } from "../dgraph";

// @ts-expect-error: decorator
@external("modus_dgraph_client", "executeQuery")
export declare function executeQuery(connection: string, request: Request): Response;

// @ts-expect-error: decorator
@external("modus_dgraph_client", "alterSchema")
export declare function alterSchema(connection: string, schema: string): string;

// @ts-expect-error: decorator
@external("modus_dgraph_client", "dropAttribute")
export declare function dropAttribute(connection: string, attr: string): string;

// @ts-expect-error: decorator
@external("modus_dgraph_client", "dropAllData")
export declare function dropAllData(connection: string): string;
