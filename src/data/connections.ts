// Connections of modus.json that are not http: looked up by name and kind, with
// their secrets resolved, for the data host functions.
import { connectionEnvPrefix, readEnv, resolveTemplates, templateNames } from "../manifest/secrets";
import type { ConnectionManifest, Env, Manifest } from "../manifest/types";

/** A data host call that cannot go ahead: the message names the connection and says why. */
export class DataError extends Error {
  override readonly name = "DataError";
}

/**
 * The manifest's connection `name` when it is of `type`; throws DataError otherwise.
 *
 * @example const db = findConnection(manifest, "my-db", "postgresql");
 */
export function findConnection<T extends ConnectionManifest["type"]>(
  manifest: Manifest,
  name: string,
  type: T,
): Extract<ConnectionManifest, { type: T }> {
  const connection = Object.hasOwn(manifest.connections ?? {}, name) ? manifest.connections![name] : undefined;
  if (!connection) throw new DataError(`connection "${name}" is not declared in modus.json`);
  if (connection.type !== type) throw new DataError(`connection "${name}" is a ${connection.type} connection, not ${type}`);
  return connection as Extract<ConnectionManifest, { type: T }>;
}

/**
 * A connection field with its `{{NAME}}` templates resolved from
 * `MODUS_<CONNECTION>_NAME`; a missing secret throws DataError naming the variable.
 *
 * @example resolveField(env, "my-db", "postgresql://{{USER}}:{{PASSWORD}}@db/app")
 */
export function resolveField(env: Env, name: string, value: string): string {
  try {
    return resolveTemplates(value, name, env);
  } catch (err) {
    throw new DataError((err as Error).message);
  }
}

/**
 * The values a connection's templates resolve to, so messages from a database
 * can be scrubbed of them before anyone sees them.
 */
export function connectionSecrets(env: Env, name: string, ...values: (string | undefined)[]): string[] {
  const prefix = connectionEnvPrefix(name);
  const names = values.flatMap((v) => (v ? templateNames(v) : []));
  return names.map((n) => readEnv(env, prefix + n)).filter((v): v is string => !!v && v.length >= 3);
}

/**
 * `message` with every secret replaced by `***`.
 *
 * @example redact('password "hunter2" rejected', ["hunter2"]) // 'password "***" rejected'
 */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const s of secrets) out = out.split(s).join("***");
  return out;
}
