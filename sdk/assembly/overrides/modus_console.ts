import { logMessage } from "@hypermode/modus-sdk-as/assembly/externals/system";

// @ts-expect-error: decorator
@lazy const timers = new Map<string, u64>();

/**
 * Replaces AssemblyScript's `console`: every line goes to the host's
 * `modus_system.logMessage` with its level (`log` has the empty level).
 */
export default abstract class modus_console {
  static assert<T>(condition: T, message: string = ""): void {
    if (!condition) logMessage("error", "Assertion failed: " + message);
  }

  static log(message: string = ""): void {
    logMessage("", message);
  }

  static debug(message: string = ""): void {
    logMessage("debug", message);
  }

  static info(message: string = ""): void {
    logMessage("info", message);
  }

  static warn(message: string = ""): void {
    logMessage("warning", message);
  }

  static error(message: string = ""): void {
    logMessage("error", message);
  }

  static time(label: string = "default"): void {
    if (timers.has(label)) {
      modus_console.warn("Label '" + label + "' already exists for console.time()");
      return;
    }
    timers.set(label, process.hrtime());
  }

  static timeLog(label: string = "default"): void {
    if (!timers.has(label)) {
      modus_console.warn("No such label '" + label + "' for console.timeLog()");
      return;
    }
    modus_console.elapsed(label);
  }

  static timeEnd(label: string = "default"): void {
    if (!timers.has(label)) {
      modus_console.warn("No such label '" + label + "' for console.timeEnd()");
      return;
    }
    modus_console.elapsed(label);
    timers.delete(label);
  }

  private static elapsed(label: string): void {
    const millis = (process.hrtime() - timers.get(label)) / 1_000_000;
    modus_console.log(label + ": " + millis.toString() + "ms");
  }
}
