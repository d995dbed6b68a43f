import { formatPath, type PathSegment } from "./errors";
import type { ConnectionManifest, ConnectionType, Env, Manifest } from "./types";

/**
 * A secret a connection or function needs is missing. The message names the
 * env variable, never a value.
 */
export class SecretError extends Error {
  override readonly name = "SecretError";
  constructor(
    message: string,
    /** The env variables that are not set. */
    readonly variables: readonly string[],
  ) {
    super(message);
  }
}

// Modus's template syntax: {{NAME}} or {{base64(USER:PASS)}}.
const TEMPLATE = /{{\s*(?:base64\((.+?):(.+?)\)|(.+?))\s*}}/g;

// Where each connection type may hold templates; "*" is every value of a map.
const TEMPLATED_FIELDS: Record<ConnectionType, readonly (readonly string[])[]> = {
  http: [["headers", "*"], ["queryParameters", "*"]],
  postgresql: [["connString"]],
  mysql: [["connString"]],
  dgraph: [["connString"], ["key"]],
  neo4j: [["dbUri"], ["username"], ["password"]],
};

/**
 * The env prefix of a connection's secrets: upper case, `-` as `_`.
 *
 * @example connectionEnvPrefix("my-db") // "MODUS_MY_DB_"
 */
export function connectionEnvPrefix(connection: string): string {
  return `MODUS_${connection.toUpperCase().replaceAll("-", "_")}_`;
}

/**
 * The secret names a value's templates refer to, in order, without repeats.
 * Names are trimmed, so `{{ base64( USER : PASS ) }}` refers to USER and PASS.
 *
 * @example templateNames("Basic {{base64(USER:PASS)}}") // ["USER", "PASS"]
 */
export function templateNames(value: string): string[] {
  const names = [...value.matchAll(TEMPLATE)].flatMap(([, user, pass, name]) =>
    name !== undefined ? [name.trim()] : [user!.trim(), pass!.trim()],
  );
  return [...new Set(names)];
}

/**
 * Replaces a value's templates with the connection's secrets from `env`,
 * `{{NAME}}` by `MODUS_<CONNECTION>_NAME` and `{{base64(USER:PASS)}}` by the
 * base64 of `<USER>:<PASS>`. A missing or empty variable throws SecretError.
 *
 * @example resolveTemplates("Bearer {{API_KEY}}", "openai", env) // "Bearer sk-..."
 */
export function resolveTemplates(value: string, connection: string, env: Env): string {
  const prefix = connectionEnvPrefix(connection);
  const variables = templateNames(value).map((name) => prefix + name);
  const missing = variables.filter((v) => readEnv(env, v) === undefined);
  if (missing.length) throw new SecretError(missingMessage(connection, missing), missing);
  const secret = (name: string) => readEnv(env, prefix + name.trim())!;
  return value.replace(TEMPLATE, (_, user: string | undefined, pass: string | undefined, name: string | undefined) =>
    name !== undefined ? secret(name) : base64Utf8(`${secret(user!)}:${secret(pass!)}`),
  );
}

/**
 * A copy of the connection with every templated field resolved (header and
 * query-parameter values, connection strings, user names, passwords).
 *
 * @example resolveConnection("openai", manifest.connections.openai, env).headers // { Authorization: "Bearer sk-..." }
 */
export function resolveConnection<T extends ConnectionManifest>(name: string, connection: T, env: Env): T {
  const copy = structuredClone(connection);
  for (const { path } of templatedValues(connection)) {
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const key = path.at(-1)!;
    parent[key] = resolveTemplates(parent[key], name, env);
  }
  return copy;
}

/** One env variable a manifest needs, and where its templates are. */
export interface RequiredSecret {
  variable: string;
  connection: string;
  usedAt: string[];
}

/**
 * Every env variable the manifest's templates need, in document order; for
 * start-up checks and docs.
 *
 * @example requiredSecrets(manifest) // [{ variable: "MODUS_OPENAI_API_KEY", connection: "openai", usedAt: ["connections.openai.headers.Authorization"] }]
 */
export function requiredSecrets(manifest: Manifest): RequiredSecret[] {
  const found = new Map<string, RequiredSecret>();
  for (const [connection, info] of Object.entries(manifest.connections ?? {})) {
    for (const { path, value } of templatedValues(info)) {
      for (const name of templateNames(value)) {
        const variable = connectionEnvPrefix(connection) + name;
        const entry = found.get(variable) ?? { variable, connection, usedAt: [] };
        entry.usedAt.push(formatPath(["connections", connection, ...path]));
        found.set(variable, entry);
      }
    }
  }
  return [...found.values()];
}

/**
 * Throws one SecretError naming every secret the manifest needs that `env`
 * lacks, one line per connection; for a check at start-up.
 *
 * @example assertSecrets(manifest, env) // connection "openai" needs secret MODUS_OPENAI_API_KEY, which is not set
 */
export function assertSecrets(manifest: Manifest, env: Env): void {
  const missing = requiredSecrets(manifest).filter((s) => readEnv(env, s.variable) === undefined);
  if (!missing.length) return;
  const byConnection = new Map<string, string[]>();
  for (const s of missing) byConnection.set(s.connection, [...(byConnection.get(s.connection) ?? []), s.variable]);
  const lines = [...byConnection].map(([connection, variables]) => missingMessage(connection, variables));
  throw new SecretError(lines.join("\n"), missing.map((s) => s.variable));
}

/**
 * A function's own secret, `secrets.getSecretValue(name)` in the SDK: only
 * `MODUS_APP_<name>` is readable, so connection secrets never reach a function.
 *
 * @example appSecret(env, "GREETING") // the value of MODUS_APP_GREETING
 */
export function appSecret(env: Env, name: string): string {
  const variable = `MODUS_APP_${name}`;
  const value = readEnv(env, variable);
  if (value === undefined) throw new SecretError(`secret "${name}" is not set (env variable ${variable})`, [variable]);
  return value;
}

/** A string env value; empty and non-string bindings count as not set. */
export function readEnv(env: Env, variable: string): string | undefined {
  // Every name read here starts with MODUS_, so no Object.prototype key can answer.
  const value = env[variable];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function missingMessage(connection: string, variables: readonly string[]): string {
  return variables.length === 1
    ? `connection "${connection}" needs secret ${variables[0]}, which is not set`
    : `connection "${connection}" needs secrets ${variables.join(", ")}, which are not set`;
}

function templatedValues(connection: ConnectionManifest): { path: PathSegment[]; value: string }[] {
  const out: { path: PathSegment[]; value: string }[] = [];
  for (const [field, each] of TEMPLATED_FIELDS[connection.type] ?? []) {
    const value = (connection as unknown as Record<string, unknown>)[field!];
    if (each === "*" && value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) if (typeof v === "string") out.push({ path: [field!, key], value: v });
    } else if (typeof value === "string") {
      out.push({ path: [field!], value });
    }
  }
  return out;
}

function base64Utf8(s: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
