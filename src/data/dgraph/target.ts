// A dgraph connection as an HTTP endpoint: Modus speaks gRPC (port 9080), which
// Workers cannot; Dgraph's HTTP API (port 8080) carries the same requests.
import type { DgraphConnection, Env } from "../../manifest/types";
import { connectionSecrets, DataError, resolveField } from "../connections";
import { withOrigin } from "../origin";

/** Where to send a connection's requests, the headers that authenticate them, and the secrets to keep out of messages. */
export interface DgraphTarget {
  base: string;
  headers: Record<string, string>;
  secrets: string[];
}

const GRPC_PORT = "9080";
const HTTP_PORT = "8080";

// gRPC's default port maps to HTTP's; any other port is kept.
const httpPort = (port: string) => (port === GRPC_PORT ? HTTP_PORT : port);

/**
 * The HTTP target of a dgraph connection: `connString` (dgraph://host:port?sslmode=…&bearertoken=…&apikey=…)
 * or `grpcTarget` + `key`, as Modus reads them.
 *
 * @example dgraphTarget(env, "dgraph", { type: "dgraph", grpcTarget: "localhost:9080" }).base // "http://localhost:8080"
 */
export function dgraphTarget(env: Env, name: string, connection: DgraphConnection): DgraphTarget {
  const secrets = connectionSecrets(env, name, connection.connString, connection.key, connection.grpcTarget);
  const headers: Record<string, string> = {};
  let base: string;
  if (connection.connString) {
    const url = new URL(resolveField(env, name, connection.connString).replace(/^dgraph:/, "http:"));
    const sslmode = url.searchParams.get("sslmode") ?? "disable";
    const scheme = sslmode === "disable" ? "http" : "https";
    base = `${scheme}://${url.hostname}${url.port ? ":" + httpPort(url.port) : ""}`;
    const bearer = url.searchParams.get("bearertoken");
    const apiKey = url.searchParams.get("apikey");
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (apiKey) headers["dg-auth"] = apiKey;
    if (url.username) throw new DataError(`connection "${name}": ACL logins (user:password in connString) are not supported over Dgraph's HTTP API; use an API key or bearer token`);
  } else if (connection.grpcTarget) {
    const target = resolveField(env, name, connection.grpcTarget);
    const [host, port = GRPC_PORT] = target.split(":");
    const key = connection.key ? resolveField(env, name, connection.key) : "";
    const local = host === "localhost" || host === "127.0.0.1";
    base = `${local ? "http" : "https"}://${host}:${httpPort(port!)}`;
    if (key && host!.toLowerCase().includes("cloud.dgraph.io")) headers["dg-auth"] = key;
    else if (key) headers.authorization = `Bearer ${key}`;
  } else {
    throw new DataError(`connection "${name}" needs either a connString or a grpcTarget`);
  }
  return { base: withOrigin(env, name, base).replace(/\/$/, ""), headers, secrets };
}
