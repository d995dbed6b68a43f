/**
 * The schema could not be generated from the metadata. The message names the
 * function, or the type and field, and the AssemblyScript type at fault.
 */
export class SchemaError extends Error {
  override name = "SchemaError";
}
