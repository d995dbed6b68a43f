import type { FunctionSignature, Metadata, TypeDefinition } from "../metadata/types";
import { fieldName, isHidden, isMutation } from "./conventions";
import { addType, convertType, type FieldDef, type TypeDefs } from "./convert";
import { SchemaError } from "./errors";
import { isListType, isMapType, isTimestampType, typeName, underlyingType } from "./typemap";

/** An argument of a root field; `default` is present only when the parameter has one. */
export interface ArgumentDef {
  name: string;
  type: string;
  default?: unknown;
}

/** A root field and the function behind it. */
export interface RootFieldDef extends FieldDef {
  args: ArgumentDef[];
  functionName: string;
}

export interface RootFields {
  query: RootFieldDef[];
  mutation: RootFieldDef[];
}

const trimInput = (name: string) => (name.endsWith("Input") ? name.slice(0, -5) : name);

/**
 * The GraphQL types of the app's classes for one direction. An input type is
 * `XInput`, unless the app declares its own `XInput`; an `XInput` class with no
 * `X` is named `X` as output. Errors are pushed onto `errors`.
 *
 * @example transformTypes({ "assembly/Person": person }, true, errors) // Map { "PersonInput" => ... }
 */
export function transformTypes(types: Record<string, TypeDefinition>, forInput: boolean, errors: string[]): TypeDefs {
  const typeDefs: TypeDefs = new Map();
  for (const [asName, t] of Object.entries(types)) {
    if (isListType(asName) || isMapType(asName) || isTimestampType(asName)) continue;
    if (underlyingType(asName) !== asName) continue;
    const fields = t.fields ?? [];
    let name = typeName(asName);
    if (forInput) {
      if (fields.length && !name.endsWith("Input")) {
        if (types[`${asName}Input`]) continue;
        name += "Input";
      }
    } else if (!types[trimInput(asName)]) name = trimInput(name);
    if (typeDefs.has(name)) continue;
    try {
      const converted = fields.map((f) => ({
        name: f.name,
        type: convertType(f.type, { typeDefs, forInput, firstPass: true, types }),
        docs: f.docs?.lines,
        source: f.type,
      }));
      typeDefs.set(name, { name, fields: converted, docs: t.docs?.lines, source: asName });
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      errors.push(`type ${asName}: ${e.message}`);
    }
  }
  return typeDefs;
}

/**
 * The root fields of the exported functions, sorted by function name. Hidden
 * functions and the fields named in `excluded` (embedders) are converted too
 * (their types count, as in Modus) but not returned.
 */
export function transformFunctions(
  fnExports: Metadata["fnExports"], inputDefs: TypeDefs, resultDefs: TypeDefs, errors: string[],
  excluded: ReadonlySet<string> = new Set(),
): RootFields {
  const root: RootFields = { query: [], mutation: [] };
  for (const fnName of Object.keys(fnExports).sort()) {
    const fn = fnExports[fnName]!;
    try {
      const field: RootFieldDef = {
        name: fieldName(fnName),
        args: fn.parameters.map((p) => ({
          name: p.name,
          type: convertType(p.type, { typeDefs: inputDefs, forInput: true }),
          ...("default" in p && p.default !== undefined ? { default: p.default } : {}),
        })),
        type: resultType(fn, resultDefs),
        docs: fn.docs?.lines,
        functionName: fnName,
      };
      if (!isHidden(field.name) && !excluded.has(field.name)) root[isMutation(fnName) ? "mutation" : "query"].push(field);
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      errors.push(`function ${fnName}: ${e.message}`);
    }
  }
  return root;
}

function resultType(fn: FunctionSignature, typeDefs: TypeDefs): string {
  if (fn.results.length === 0) return addType(typeDefs, { name: "Void", fields: [] });
  if (fn.results.length === 1) return convertType(fn.results[0]!.type, { typeDefs, forInput: false });
  // Several results (not produced by AssemblyScript) become an object type.
  const fields = fn.results.map((r, i) => ({
    name: r.name || `item${i + 1}`,
    type: convertType(r.type, { typeDefs, forInput: false }),
  }));
  return tupleType(fields, typeDefs);
}

/** An existing type with exactly these fields, or a new `_typeN`. */
function tupleType(fields: FieldDef[], typeDefs: TypeDefs): string {
  for (const t of typeDefs.values()) {
    if (t.fields.length === fields.length && t.fields.every((f, i) => f.name === fields[i]!.name && f.type === fields[i]!.type)) {
      return t.name;
    }
  }
  let n = 1;
  while (typeDefs.has(`_type${n}`)) n++;
  return addType(typeDefs, { name: `_type${n}`, fields });
}
