/** A GraphQL endpoint of `modus.json`. */
export interface EndpointManifest {
  type: "graphql";
  path: string;
  auth: "bearer-token" | "none";
}

/** `modus.json`, as far as this runtime reads it. */
export interface Manifest {
  $schema?: string;
  endpoints?: Record<string, EndpointManifest>;
  models?: Record<string, unknown>;
  connections?: Record<string, unknown>;
}
