// Raw host imports of the `modus_graphql_client` module. The public API is `graphql`.

// @ts-expect-error: decorator
@external("modus_graphql_client", "executeQuery")
export declare function executeQuery(connection: string, statement: string, variables: string): string;
