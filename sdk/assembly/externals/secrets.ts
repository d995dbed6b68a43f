// Raw host imports of the `modus_secrets` module. The public API is `secrets`.

// A null result (even though the declared type is not nullable) means "not found".
// @ts-expect-error: decorator
@external("modus_secrets", "getSecretValue")
export declare function getSecretValue(name: string): string;
