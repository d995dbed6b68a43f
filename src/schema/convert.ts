import type { TypeDefinition } from "../metadata/types";
import { SchemaError } from "./errors";
import {
  BUILTIN_TYPES, CUSTOM_SCALARS, isListType, isNullableType, listElementType, MAP_PREFIX, mapTypeArgs, typeName, underlyingType,
} from "./typemap";

/** A field of a GraphQL object type; `source` is the AssemblyScript type it came from. */
export interface FieldDef {
  name: string;
  type: string;
  docs?: string[] | undefined;
  source?: string;
}

/** A GraphQL type being built; one without fields is declared as a scalar. */
export interface TypeDef {
  name: string;
  fields: FieldDef[];
  docs?: string[] | undefined;
  /** A `{key, value}` pair type standing for a map. */
  isMap?: boolean;
  source?: string;
}

/** The types of one direction (input or output), by GraphQL name, in creation order. */
export type TypeDefs = Map<string, TypeDef>;

export interface ConvertOptions {
  typeDefs: TypeDefs;
  forInput: boolean;
  /** Converting class fields while the type table is still being filled: names are not checked. */
  firstPass?: boolean;
  /** The app's metadata types, used to name field-less classes referenced from input fields. */
  types?: Record<string, TypeDefinition>;
}

const trimInput = (name: string) => (name.endsWith("Input") ? name.slice(0, -5) : name);

/** Adds a type to `typeDefs` unless one of that name exists; returns the name. */
export function addType(typeDefs: TypeDefs, def: TypeDef): string {
  if (!typeDefs.has(def.name)) typeDefs.set(def.name, def);
  return def.name;
}

/**
 * The GraphQL type of an AssemblyScript type, adding to `typeDefs` the custom
 * scalars and map pair types it needs.
 *
 * @example convertType("~lib/array/Array<~lib/string/String|null>", { typeDefs, forInput: false }) // "[String]!"
 */
export function convertType(typ: string, opts: ConvertOptions): string {
  if (typ.startsWith("(") && typ.endsWith(")")) return convertType(typ.slice(1, -1), opts);
  const bang = isNullableType(typ) ? "" : "!";
  let t = typ;
  while (isNullableType(t) && underlyingType(t) !== t) t = underlyingType(t);

  const builtin = BUILTIN_TYPES.get(t);
  if (builtin) return (CUSTOM_SCALARS.has(builtin) ? addType(opts.typeDefs, { name: builtin, fields: [] }) : builtin) + bang;
  if (isListType(t)) return `[${convertType(listElementType(t), opts)}]${bang}`;
  if (t.startsWith(MAP_PREFIX)) return `[${mapPairType(t, opts)}!]${bang}`;
  return customTypeName(t, opts) + bang;
}

function mapPairType(t: string, opts: ConvertOptions): string {
  const args = mapTypeArgs(t);
  if (!args) throw new SchemaError(`malformed map type: ${t}`);
  const key = convertType(args[0], opts);
  const value = convertType(args[1], opts);
  const name = pairTypeName(key, value, opts.forInput);
  const fields = [{ name: "key", type: key }, { name: "value", type: value }];
  return addType(opts.typeDefs, { name, fields, isMap: true, source: t });
}

/**
 * The name of the pair type of a map with these GraphQL key and value types.
 * Like Modus, a list part drops the two characters before `]` assuming they
 * are `!]`, so a list of nullable strings reads `StrinList`.
 *
 * @example pairTypeName("String!", "[Int!]", false) // "StringNullableIntListPair"
 */
export function pairTypeName(key: string, value: string, forInput: boolean): string {
  const part = (t: string) => {
    const n = t.endsWith("!") ? t.slice(0, -1) : t.startsWith("[") ? `[Nullable${t.slice(1)}` : `Nullable${t}`;
    if (!n.startsWith("[")) return forInput ? trimInput(n) : n;
    const element = n.slice(1, -2);
    return `${forInput ? trimInput(element) : element}List`;
  };
  return `${part(key)}${part(value)}Pair${forInput ? "Input" : ""}`;
}

function customTypeName(t: string, opts: ConvertOptions): string {
  const short = typeName(t);
  const name = opts.forInput ? (short.endsWith("Input") ? short : `${short}Input`) : trimInput(short);
  if (opts.firstPass) {
    // Modus would name an input field of a field-less class `XInput`, a type it
    // never declares; the class is the scalar `X` in both directions.
    const def = opts.types?.[t];
    return opts.forInput && def && !def.fields?.length ? short : name;
  }
  if (opts.typeDefs.has(name)) return name;
  // A custom scalar used for input keeps its own name.
  if (opts.forInput && opts.typeDefs.has(trimInput(name))) return trimInput(name);
  throw new SchemaError(`unsupported type or missing type definition: ${t}`);
}
