/**
 * True when a host function handed back a null pointer, whatever type it was
 * declared with (hosts signal failure that way even for non-nullable results).
 *
 * @example if (utils.resultIsInvalid(info)) throw new Error("not found");
 */
export function resultIsInvalid<T>(result: T): bool {
  return changetype<usize>(result) == 0;
}

/**
 * Ends the call with a message meant for the caller: it is logged at `error`
 * and reported in the GraphQL response, then the instance exits with code 1.
 *
 * @example utils.throwUserError("quantity must be positive");
 */
export function throwUserError(message: string): void {
  console.error(message);
  process.exit(1);
}
