import { auth, localtime, models, secrets, utils } from "@hypermode/modus-sdk-as";
import { Model } from "@hypermode/modus-sdk-as/assembly/models";
import { OpenAIChatModel } from "@hypermode/modus-sdk-as/models/openai/chat";
import { JSON } from "json-as";

@json
class Claims {
  sub: string = "";
  iss: string = "";
  exp: i64 = 0;
  roles: string[] = [];
}

/** The app secret `name` (MODUS_APP_<name> on the host). */
export function secretValue(name: string): string {
  return secrets.getSecretValue(name);
}

/** The `sub` claim of the request's token, or "" without one. */
export function claimsSubject(): string {
  return auth.getJWTClaims<Claims>().sub;
}

/** The claims the SDK decoded, as JSON. */
export function claimsJson(): string {
  return JSON.stringify(auth.getJWTClaims<Claims>());
}

/** The current local time (the X-Time-Zone header's zone, or the host's). */
export function localNow(): string {
  return localtime.now();
}

/** The current time in zone `tz`. */
export function localNowInZone(tz: string): string {
  return localtime.nowInZone(tz);
}

/** The zone `localNow` uses. */
export function localTimeZone(): string {
  return localtime.getTimeZone();
}

/** Whether the host knows zone `tz`. */
export function isValidTimeZone(tz: string): bool {
  return localtime.isValidTimeZone(tz);
}

/** Logs `message` once at each console level and returns how many lines it logged. */
export function logAtEveryLevel(message: string): i32 {
  console.log(message);
  console.debug(message);
  console.info(message);
  console.warn(message);
  console.error(message);
  return 5;
}

/** Throws `message` (an abort: the host logs it at fatal with its source location). */
export function failWith(message: string): string {
  throw new Error(message);
}

/** Ends the call with a user-facing error. */
export function userError(message: string): void {
  utils.throwUserError(message);
}

/** The provider's name for model `name` (modus.json `sourceModel`), as getModelInfo gives it. */
export function modelFullName(name: string): string {
  return models.getModel<OpenAIChatModel>(name).info.fullName;
}

/** Posts `json` to model `name` as it is, and returns the provider's answer. */
export function rawModelCall(name: string, json: string): string {
  const answer = Model.invoker!(name, json);
  return answer === null ? "null" : answer!;
}
