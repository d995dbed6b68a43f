/** Who may call a GraphQL endpoint. */
export type EndpointAuth = "bearer-token" | "none";

/** A GraphQL endpoint of `modus.json`. */
export interface EndpointManifest {
  type: "graphql";
  path: string;
  auth: EndpointAuth;
}

/** An HTTP service: exactly one of `baseUrl` (ends with `/`) or `endpoint` (a full URL). */
export interface HttpConnection {
  type: "http";
  baseUrl?: string;
  endpoint?: string;
  headers?: Record<string, string>;
  queryParameters?: Record<string, string>;
}

export interface PostgresqlConnection {
  type: "postgresql";
  connString: string;
}

export interface MysqlConnection {
  type: "mysql";
  connString: string;
}

/** Dgraph by `connString`, or by `grpcTarget` with an optional API `key`. */
export interface DgraphConnection {
  type: "dgraph";
  connString?: string;
  grpcTarget?: string;
  key?: string;
}

export interface Neo4jConnection {
  type: "neo4j";
  dbUri: string;
  username: string;
  password: string;
}

export type ConnectionManifest =
  | HttpConnection
  | PostgresqlConnection
  | MysqlConnection
  | DgraphConnection
  | Neo4jConnection;

export type ConnectionType = ConnectionManifest["type"];

/** A model served over an http connection; `path` is appended to the connection's `baseUrl`. */
export interface ModelManifest {
  sourceModel?: string;
  connection: string;
  path?: string;
}

/**
 * How a search method indexes its vectors. modus-edge searches every vector
 * exactly (sequentially) for either type, as Modus did in practice.
 */
export interface IndexManifest {
  type: "sequential" | "hnsw";
  options?: { efConstruction?: number; maxLevels?: number };
}

/** A collection's way of searching: the function that embeds texts, and its index. */
export interface SearchMethodManifest {
  /** An exported function `(texts: string[]) => f32[][]`; it is left out of the GraphQL schema. */
  embedder: string;
  index?: IndexManifest;
}

/** A collection of texts for natural-language search. */
export interface CollectionManifest {
  searchMethods?: Record<string, SearchMethodManifest>;
}

/** `modus.json`, as validated by `parseManifest`. */
export interface Manifest {
  $schema?: string;
  endpoints?: Record<string, EndpointManifest>;
  models?: Record<string, ModelManifest>;
  connections?: Record<string, ConnectionManifest>;
  collections?: Record<string, CollectionManifest>;
}

/** The Worker's env, or any map of variables: only string values count. */
export type Env = Readonly<Record<string, unknown>>;
