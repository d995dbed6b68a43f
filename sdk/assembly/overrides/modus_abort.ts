import { logMessage, procExit } from "@hypermode/modus-sdk-as/assembly/externals/system";

/**
 * Replaces AssemblyScript's `abort`: reports the message and its source
 * location to the host at `fatal` level, then ends the instance (exit 255).
 */
export default function modus_abort(
  message: string | null = null,
  fileName: string | null = null,
  lineNumber: u32 = 0,
  columnNumber: u32 = 0,
): void {
  let text = "abort()";
  if (message) text = message;
  if (fileName) text += " at " + fileName + ":" + lineNumber.toString() + ":" + columnNumber.toString();
  logMessage("fatal", text);
  procExit(255);
}
