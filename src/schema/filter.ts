import { embedderNames } from "../manifest/collections";
import type { Manifest } from "../manifest/types";
import { fieldName } from "./conventions";
import type { TypeDef, TypeDefs } from "./convert";
import type { RootFieldDef } from "./transform";

/**
 * The field names of the functions the manifest's collections use as
 * embedders. As in Modus, they are in neither Query nor Mutation: an
 * embedder is the runtime's to call, not a client's.
 *
 * @example embedderFields({ collections: { docs: { searchMethods: { bow: { embedder: "getVectors" } } } } }) // Set { "vectors" }
 */
export function embedderFields(manifest: Pick<Manifest, "collections">): Set<string> {
  return new Set([...embedderNames(manifest)].map(fieldName));
}

/**
 * Removes the field-less types from both tables and returns their names: they
 * are declared as scalars. As in Modus this covers every field-less class in
 * the metadata, reached or not (the transform only records reached types).
 */
export function extractScalars(inputDefs: TypeDefs, resultDefs: TypeDefs): TypeDef[] {
  const scalars = new Map<string, TypeDef>();
  for (const defs of [inputDefs, resultDefs]) {
    for (const [name, t] of defs) {
      if (t.fields.length) continue;
      if (!scalars.has(name)) scalars.set(name, t);
      defs.delete(name);
    }
  }
  return [...scalars.values()];
}

/**
 * The named type inside a GraphQL type reference.
 *
 * @example baseType("[Person!]!") // "Person"
 */
export function baseType(type: string): string {
  const t = type.endsWith("!") ? type.slice(0, -1) : type;
  return t.startsWith("[") ? baseType(t.slice(1, -1)) : t;
}

/** The types a root field reaches: through its arguments for input, its result for output. */
export function filterTypes(typeDefs: TypeDefs, fields: RootFieldDef[], forInput: boolean): TypeDef[] {
  const used = new Set<string>();
  const visit = (type: string) => {
    const name = baseType(type);
    if (used.has(name)) return;
    used.add(name);
    for (const f of typeDefs.get(name)?.fields ?? []) visit(f.type);
  };
  for (const f of fields) {
    if (forInput) f.args.forEach((a) => visit(a.type));
    else visit(f.type);
  }
  return [...typeDefs.values()].filter((t) => used.has(t.name));
}
