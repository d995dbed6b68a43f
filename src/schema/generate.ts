import type { Metadata } from "../metadata/types";
import { SchemaError } from "./errors";
import type { Manifest } from "../manifest/types";
import { embedderFields, extractScalars, filterTypes } from "./filter";
import { transformFunctions, transformTypes } from "./transform";
import { validateSchema } from "./validate";
import { AGENTS_SDL, byLowerName, writeSchema } from "./write";

export { SchemaError };

/** A root field and the exported function that answers it. */
export interface RootField {
  operation: "query" | "mutation";
  fieldName: string;
  functionName: string;
}

export interface GeneratedSchema {
  /** The SDL text, in Modus's layout. */
  sdl: string;
  fields: RootField[];
  /** The output pair types that stand for maps (Modus's `MapTypes`), sorted. */
  mapTypes: string[];
}

/**
 * Generates the GraphQL schema Modus would serve for an app's metadata (and
 * its manifest, whose collections' embedders are left out). Throws a
 * {@link SchemaError} naming each function or type whose type is unsupported.
 *
 * @example
 *   const { sdl, fields } = generateSchema(readMetadata(module), manifest);
 *   // fields: [{ operation: "mutation", fieldName: "add", functionName: "add" }, ...]
 */
export function generateSchema(metadata: Metadata, manifest: Pick<Manifest, "collections"> = {}): GeneratedSchema {
  const errors: string[] = [];
  const inputDefs = transformTypes(metadata.types, true, errors);
  const resultDefs = transformTypes(metadata.types, false, errors);
  const root = transformFunctions(metadata.fnExports, inputDefs, resultDefs, errors, embedderFields(manifest));
  if (errors.length) throw new SchemaError(errors.join("\n"));

  // Modus lists the map types before unreached ones are dropped.
  const mapTypes = [...resultDefs.values()].filter((t) => t.isMap).map((t) => t.name).sort(byLowerName);
  const scalarDefs = extractScalars(inputDefs, resultDefs);
  const allFields = [...root.query, ...root.mutation];
  const parts = {
    root,
    scalars: scalarDefs.map((t) => t.name),
    inputs: filterTypes(inputDefs, allFields, true),
    results: filterTypes(resultDefs, allFields, false),
  };
  validateSchema(parts, scalarDefs);

  // Modus appends its agents block to every schema, whether the app has agents or not.
  const sdl = writeSchema(parts) + AGENTS_SDL;
  const fields = [
    ...root.query.map((f) => ({ operation: "query" as const, fieldName: f.name, functionName: f.functionName })),
    ...root.mutation.map((f) => ({ operation: "mutation" as const, fieldName: f.name, functionName: f.functionName })),
  ];
  return { sdl, fields, mapTypes };
}
