// Where a SQL connection goes: a Hyperdrive binding when the Worker has one
// for it, otherwise the manifest's connection string with its secrets.
import { hyperdriveBindingName } from "../../manifest/connections";
import type { Env, MysqlConnection, PostgresqlConnection } from "../../manifest/types";
import { connectionSecrets, resolveField } from "../connections";

interface HyperdriveLike {
  connectionString: string;
}

const isHyperdrive = (v: unknown): v is HyperdriveLike =>
  typeof v === "object" && v !== null && typeof (v as HyperdriveLike).connectionString === "string";

/**
 * The URL to open for a connection, and the secret values it carries (to keep
 * them out of messages).
 *
 * @example const { url } = sqlTarget(env, "my-db", manifest.connections["my-db"]);
 */
export function sqlTarget(env: Env, name: string, connection: PostgresqlConnection | MysqlConnection) {
  const binding = env[hyperdriveBindingName(name)];
  if (isHyperdrive(binding)) {
    const url = binding.connectionString;
    return { url, via: "hyperdrive" as const, secrets: urlPassword(url) };
  }
  const url = resolveField(env, name, connection.connString);
  return { url, via: "direct" as const, secrets: [...connectionSecrets(env, name, connection.connString), ...urlPassword(url)] };
}

function urlPassword(url: string): string[] {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [password] : [];
  } catch {
    return [];
  }
}
