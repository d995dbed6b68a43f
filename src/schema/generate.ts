import type { Docs, FunctionSignature, Metadata } from "../metadata/types";
import { fieldName, isHidden, isMutation } from "./conventions";
import { CUSTOM_SCALARS, SCALAR_TYPES } from "./typemap";

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
}

/** The schema could not be generated from the metadata. */
export class SchemaError extends Error {
  override name = "SchemaError";
}

interface FieldDef {
  name: string;
  type: string;
  docs?: Docs | undefined;
}

interface ObjectDef {
  name: string;
  fields: FieldDef[];
  docs?: Docs | undefined;
}

const NULLABLE = /\s*\|\s*null$/;
const ARRAY = /^~lib\/array\/Array<(.+)>$/;
const MAP = /^~lib\/map\/Map<(.+)>$/;

/**
 * Generates the GraphQL schema Modus would serve for an app's metadata.
 *
 * @example
 *   const { sdl, fields } = generateSchema(readMetadata(module));
 */
export function generateSchema(metadata: Metadata): GeneratedSchema {
  const gen = new Generator(metadata);
  const fields: RootField[] = [];
  const query: string[] = [];
  const mutation: string[] = [];
  const fns = Object.values(metadata.fnExports).sort((a, b) => (a.name < b.name ? -1 : 1));
  const entries: { sort: string; text: string; mutation: boolean }[] = [];
  for (const fn of fns) {
    const name = fieldName(fn.name);
    if (isHidden(name)) continue;
    const mut = isMutation(fn.name);
    entries.push({ sort: name.toLowerCase(), text: gen.rootField(name, fn), mutation: mut });
    fields.push({ operation: mut ? "mutation" : "query", fieldName: name, functionName: fn.name });
  }
  entries.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  for (const e of entries) (e.mutation ? mutation : query).push(e.text);

  let sdl = "# Modus GraphQL Schema (auto-generated)\n";
  if (query.length) sdl += `\ntype Query {\n${query.join("")}}\n`;
  if (mutation.length) sdl += `\ntype Mutation {\n${mutation.join("")}}\n`;
  const scalars = [...gen.scalars].sort(byLower);
  if (scalars.length) sdl += "\n" + scalars.map((s) => `scalar ${s}\n`).join("");
  for (const t of [...gen.inputs.values()].sort((a, b) => byLower(a.name, b.name))) sdl += "\n" + objectSdl("input", t);
  for (const t of [...gen.outputs.values()].sort((a, b) => byLower(a.name, b.name))) sdl += "\n" + objectSdl("type", t);
  return { sdl, fields };
}

const byLower = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

function docsSdl(docs: Docs | undefined, indent: string): string {
  if (!docs?.lines.length) return "";
  return `${indent}"""\n${docs.lines.map((l) => `${indent}${l}\n`).join("")}${indent}"""\n`;
}

function objectSdl(kind: string, t: ObjectDef): string {
  const fields = t.fields.map((f) => `${docsSdl(f.docs, "  ")}  ${f.name}: ${f.type}\n`).join("");
  return `${docsSdl(t.docs, "")}${kind} ${t.name} {\n${fields}}\n`;
}

class Generator {
  readonly scalars = new Set<string>();
  readonly inputs = new Map<string, ObjectDef>();
  readonly outputs = new Map<string, ObjectDef>();

  constructor(private readonly metadata: Metadata) {}

  rootField(name: string, fn: FunctionSignature): string {
    const args = fn.parameters.map((p) => {
      const type = this.type(p.type, true);
      const dflt = "default" in p ? ` = ${JSON.stringify(p.default)}` : "";
      return `${p.name}: ${type}${dflt}`;
    });
    const result = fn.results.length ? this.type(fn.results[0]!.type, false) : this.scalar("Void");
    const argText = args.length ? `(${args.join(", ")})` : "";
    return `${docsSdl(fn.docs, "  ")}  ${name}${argText}: ${result}\n`;
  }

  scalar(name: string): string {
    this.scalars.add(name);
    return name;
  }

  type(asType: string, input: boolean): string {
    const nullable = NULLABLE.test(asType);
    const bang = nullable ? "" : "!";
    const base = asType.replace(NULLABLE, "").replace(/^\((.*)\)$/, "$1");
    const scalar = SCALAR_TYPES.get(base);
    if (scalar) return (CUSTOM_SCALARS.has(scalar) ? this.scalar(scalar) : scalar) + bang;
    const array = ARRAY.exec(base);
    if (array) return `[${this.type(array[1]!, input)}]${bang}`;
    const map = MAP.exec(base);
    if (map) return `[${this.mapPair(map[1]!, input)}!]${bang}`;
    return this.object(base, input) + bang;
  }

  mapPair(args: string, input: boolean): string {
    const [k, v] = splitTypeArgs(args);
    const kt = this.type(k, input);
    const vt = this.type(v, input);
    const part = (t: string) => {
      let n = t.endsWith("!") ? t.slice(0, -1) : t.startsWith("[") ? "[Nullable" + t.slice(1) : "Nullable" + t;
      if (n.startsWith("[")) n = n.slice(1, -2).replace(input ? /Input$/ : /$^/, "") + "List";
      else if (input) n = n.replace(/Input$/, "");
      return n;
    };
    const name = `${part(kt)}${part(vt)}Pair${input ? "Input" : ""}`;
    const target = input ? this.inputs : this.outputs;
    if (!target.has(name)) target.set(name, { name, fields: [{ name: "key", type: kt }, { name: "value", type: vt }] });
    return name;
  }

  object(asType: string, input: boolean): string {
    const def = this.metadata.types[asType];
    if (!def) throw new SchemaError(`unsupported type or missing type definition: ${asType}`);
    const short = asType.slice(asType.lastIndexOf("/") + 1);
    if (!def.fields?.length) return this.scalar(short);
    let name = short;
    let source = def;
    if (input) {
      const declared = this.metadata.types[`${asType}Input`];
      if (declared?.fields?.length) {
        source = declared;
        name = `${short}Input`;
      } else if (!short.endsWith("Input")) name = `${short}Input`;
    }
    const target = input ? this.inputs : this.outputs;
    if (target.has(name)) return name;
    const obj: ObjectDef = { name, fields: [], docs: source.docs };
    target.set(name, obj);
    obj.fields = source.fields!.map((f) => ({ name: f.name, type: this.type(f.type, input), docs: f.docs }));
    return name;
  }
}

/** Splits `K,V` at the top-level comma of a generic argument list. */
export function splitTypeArgs(args: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) return [args.slice(0, i).trim(), args.slice(i + 1).trim()];
  }
  throw new SchemaError(`malformed map type arguments: ${args}`);
}
