/**
 * A value could not cross the Wasm boundary: a bad pointer, a wrong class id,
 * a value of the wrong shape. The message names the type at fault.
 */
export class AbiError extends Error {
  override name = "AbiError";
}

/** The guest ended itself (`abort`, or WASI `proc_exit`) with this exit code. */
export class GuestExit extends Error {
  override name = "GuestExit";
  constructor(readonly code: number) {
    super(`the function exited with code ${code}`);
  }
}
