/** Doc comment lines, as the transform records them. */
export interface Docs {
  lines: string[];
}

export interface Parameter {
  name: string;
  /** AssemblyScript internal type name, e.g. `~lib/string/String | null`. */
  type: string;
  /** The literal default value, when the parameter has one. */
  default?: unknown;
}

export interface FunctionSignature {
  name: string;
  parameters: Parameter[];
  /** One entry, or none for `void`. */
  results: { name?: string; type: string }[];
  docs?: Docs;
}

export interface Field {
  name: string;
  type: string;
  docs?: Docs;
}

export interface TypeDefinition {
  name: string;
  /** The AssemblyScript runtime class id, for `__new`. */
  id: number;
  fields?: Field[];
  docs?: Docs;
}

/** The `modus_metadata` custom section (version 2), with names filled in from keys. */
export interface Metadata {
  plugin: string;
  sdk: string;
  buildId: string;
  buildTs: string;
  gitRepo?: string;
  gitCommit?: string;
  fnExports: Record<string, FunctionSignature>;
  fnImports: Record<string, FunctionSignature>;
  types: Record<string, TypeDefinition>;
}

/** The result type name of a signature, `void` when it returns nothing. */
export const resultType = (fn: FunctionSignature): string => fn.results[0]?.type ?? "void";
