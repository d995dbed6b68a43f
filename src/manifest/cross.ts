// Rules that relate one part of modus.json to another, which JSON Schema cannot say.
import { formatPath, type ManifestProblem } from "./errors";
import { isObject } from "./rules";
import { HYPERMODE_CONNECTION, NAME_PATTERN } from "./schema";
import { connectionEnvPrefix } from "./secrets";

type CrossRule = (manifest: Record<string, unknown>) => ManifestProblem[];

const entries = (value: unknown): [string, Record<string, unknown>][] =>
  isObject(value) ? Object.entries(value).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])) : [];

/** Two endpoints cannot share a path: one would hide the other. */
const uniqueEndpointPaths: CrossRule = (m) => {
  const owners = new Map<string, string>();
  const problems: ManifestProblem[] = [];
  for (const [name, endpoint] of entries(m.endpoints)) {
    if (typeof endpoint.path !== "string") continue;
    const owner = owners.get(endpoint.path);
    if (owner !== undefined) {
      problems.push({ path: formatPath(["endpoints", name, "path"]), message: `"${endpoint.path}" is already the path of endpoint "${owner}"` });
    } else owners.set(endpoint.path, name);
  }
  return problems;
};

/**
 * A connection's secrets are MODUS_<NAME>_*: a connection named "app" would
 * put them where functions read their own secrets, and names differing only
 * in case would read each other's.
 */
const distinctSecretPrefixes: CrossRule = (m) => {
  const owners = new Map<string, string>();
  const problems: ManifestProblem[] = [];
  for (const [name] of entries(m.connections)) {
    const prefix = connectionEnvPrefix(name);
    const path = formatPath(["connections", name]);
    const owner = owners.get(prefix);
    if (prefix === "MODUS_APP_") {
      problems.push({ path, message: 'the name "app" is reserved: its secrets would be MODUS_APP_* variables, which functions can read' });
    } else if (owner !== undefined) {
      problems.push({ path, message: `its secrets would share the ${prefix} prefix with connection "${owner}"` });
    } else owners.set(prefix, name);
  }
  return problems;
};

/** A model needs a declared http connection, with a path exactly when that connection has a baseUrl. */
const modelConnections: CrossRule = (m) => {
  const connections = new Map(entries(m.connections));
  const problems: ManifestProblem[] = [];
  for (const [name, model] of entries(m.models)) {
    const target = model.connection;
    // A missing, malformed or hypermode connection is already reported by the schema.
    if (typeof target !== "string" || !NAME_PATTERN.test(target) || target === HYPERMODE_CONNECTION) continue;
    const at = (field: string) => formatPath(["models", name, field]);
    const connection = connections.get(target);
    if (!connection) {
      problems.push({ path: at("connection"), message: `there is no connection "${target}" in connections` });
    } else if (connection.type !== "http") {
      if (typeof connection.type === "string") {
        problems.push({ path: at("connection"), message: `"${target}" is a ${connection.type} connection; models need an http connection` });
      }
    } else if (connection.baseUrl !== undefined && connection.endpoint === undefined && model.path === undefined) {
      problems.push({ path: at("path"), message: `is required because connection "${target}" has a baseUrl` });
    } else if (connection.endpoint !== undefined && connection.baseUrl === undefined && model.path !== undefined) {
      problems.push({ path: at("path"), message: `is not allowed because connection "${target}" has an endpoint (a full URL)` });
    }
  }
  return problems;
};

/** Checked in this order, after the schema. */
export const CROSS_RULES: readonly CrossRule[] = [uniqueEndpointPaths, distinctSecretPrefixes, modelConnections];
