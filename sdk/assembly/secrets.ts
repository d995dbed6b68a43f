import * as host from "./externals/secrets";
import { resultIsInvalid } from "./utils";

/**
 * The value of an app secret. The host serves `MODUS_APP_<name>` only;
 * connection secrets never reach a function. Throws if it is not set.
 *
 * @example const key = secrets.getSecretValue("WEATHER_KEY");
 */
export function getSecretValue(name: string): string {
  const value = host.getSecretValue(name);
  if (resultIsInvalid(value)) throw new Error("Secret not found");
  return value;
}
