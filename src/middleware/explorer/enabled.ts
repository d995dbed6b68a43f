import { HTTPException } from "hono/http-exception";

/**
 * Whether the explorer is served: `MODUS_EXPLORER` ("on"/"off") decides; unset,
 * it is on only in local development (`MODUS_ENV=dev`).
 *
 * @example explorerEnabled({ MODUS_ENV: "dev" }) // true
 */
export function explorerEnabled(env: Record<string, unknown>, { envVar = "MODUS_EXPLORER", devEnvVar = "MODUS_ENV" } = {}): boolean {
  const value = env[envVar];
  if (value === undefined || value === "") return env[devEnvVar] === "dev";
  if (value === "on") return true;
  if (value === "off") return false;
  // A typo must not quietly publish (or hide) the explorer.
  throw new HTTPException(503, { message: `${envVar} must be "on" or "off", not ${JSON.stringify(value)}` });
}
