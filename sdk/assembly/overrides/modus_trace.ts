import { logMessage } from "@hypermode/modus-sdk-as/assembly/externals/system";

/** Replaces AssemblyScript's `trace`: logs the message and up to five numbers at `trace` level. */
export default function modus_trace(
  message: string,
  n: i32 = 0,
  a0: f64 = 0,
  a1: f64 = 0,
  a2: f64 = 0,
  a3: f64 = 0,
  a4: f64 = 0,
): void {
  const values = [a0, a1, a2, a3, a4];
  let text = message;
  const count = n < 0 ? 0 : n > 5 ? 5 : n;
  for (let i = 0; i < count; i++) text += " " + values[i].toString();
  logMessage("trace", text);
}
