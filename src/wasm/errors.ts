/**
 * A value could not cross the Wasm boundary: a bad pointer, a wrong class id,
 * a value of the wrong shape. The message names the type at fault.
 */
export class AbiError extends Error {
  override name = "AbiError";

  /**
   * @param detail what is wrong
   * @param type the outermost type being moved, when the fault is inside it
   * @param path where inside it, as `.field` and `[index]` steps
   */
  constructor(
    readonly detail: string,
    readonly type?: string,
    readonly path = "",
  ) {
    super(type ? `${type}${elide(path)}: ${detail}` : detail);
  }

  /**
   * Re-anchors an error raised inside a part of `type` (a field, an element),
   * so the message reads as one path from the outermost value.
   *
   * @example AbiError.within(err, "assembly/Person", ".name") // "assembly/Person.name: null given for …"
   */
  static within(err: unknown, type: string, step: string): unknown {
    if (!(err instanceof AbiError)) return err;
    return new AbiError(err.detail, type, step + (err.type ? err.path : ""));
  }
}

// A thousand-level path would drown the message; its two ends say where.
const elide = (path: string): string => (path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-60)}` : path);

/**
 * The function returned a value that cannot cross back (a bad pointer, a
 * null where its type has none, a float GraphQL cannot carry): the
 * function's fault, not the caller's. The message names the function and
 * where in the value the fault is.
 */
export class ResultError extends AbiError {
  override name = "ResultError";
  constructor(functionName: string, cause: AbiError) {
    super(`function ${functionName} returned a value that cannot be sent: ${cause.message}`);
  }
}

/** The guest ended itself (`abort`, or WASI `proc_exit`) with this exit code. */
export class GuestExit extends Error {
  override name = "GuestExit";
  constructor(readonly code: number) {
    super(`the function exited with code ${code}`);
  }
}
