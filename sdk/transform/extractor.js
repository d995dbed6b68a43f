// @ts-check
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { ElementKind } from "assemblyscript";
import { docsBefore } from "./docs.js";
import { literalValue } from "./literals.js";

/**
 * @typedef {{ name: string, type: string, default?: unknown }} Parameter
 * @typedef {{ name: string, parameters: Parameter[], result: string, docs?: { lines: string[] } }} Signature
 * @typedef {{ name: string, type: string, docs?: { lines: string[] } }} Field
 * @typedef {{ name: string, id: number, fields?: Field[], docs?: { lines: string[] } }} TypeInfo
 * @typedef {{ exports: Signature[], imports: Signature[], types: TypeInfo[] }} ProgramInfo
 */

const byName = (/** @type {{name: string}} */ a, /** @type {{name: string}} */ b) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * Reads the program after compilation: the exported functions (by the names
 * the module really exports), the host imports, and every class those reach.
 * @param {any} program the AssemblyScript Program
 * @param {any} binaryen the binaryen.js API
 * @param {any} module the compiled binaryen.js Module
 * @returns {ProgramInfo}
 */
export function extractProgramInfo(program, binaryen, module) {
  const exports = exportedFunctions(program, binaryen, module).map(signatureOf).sort(byName);
  const imports = importedFunctions(program).map(signatureOf).sort(byName);
  const types = reachableTypes(program, [...exports, ...imports]).sort(byName);
  return { exports, imports, types };
}

/** @returns {{name: string, fn: any}[]} */
function exportedFunctions(program, binaryen, module) {
  const out = [];
  for (let i = 0; i < module.getNumExports(); i++) {
    const info = binaryen.getExportInfo(module.getExportByIndex(i));
    if (info.kind !== binaryen.ExternalFunction) continue;
    // `_`-prefixed exports are the runtime's and hidden helpers, never user API;
    // the SDK's `_modus_` entry points are recorded (as Modus records them) for the host.
    if (info.name.startsWith("_") && !info.name.startsWith("_modus_")) continue;
    const internal = info.value.replace(/^export:/, "").replace(/@varargs$/, "");
    const fn = program.instancesByName.get(internal);
    if (fn) out.push({ name: info.name, fn });
  }
  return out;
}

/** @returns {{name: string, fn: any}[]} */
function importedFunctions(program) {
  const out = [];
  for (const [moduleName, fns] of program.moduleImports) {
    // env and WASI imports are the platform's, not Modus host functions.
    if (moduleName === "env" || moduleName.startsWith("wasi")) continue;
    for (const [fnName, fn] of fns) out.push({ name: `${moduleName}.${fnName}`, fn });
  }
  return out;
}

/** @returns {Signature} */
function signatureOf({ name, fn }) {
  const declared = fn.declaration.signature.parameters;
  const parameters = fn.signature.parameterTypes.map((type, i) => {
    /** @type {Parameter} */
    const p = { name: declared[i].name.text, type: type.toString() };
    const init = declared[i].initializer;
    if (init) p.default = literalValue(init);
    return p;
  });
  /** @type {Signature} */
  const sig = { name, parameters, result: fn.signature.returnType.toString() };
  const docs = docsOf(fn.declaration);
  if (docs) sig.docs = docs;
  return sig;
}

function docsOf(node) {
  const range = node?.range;
  if (!range?.source) return undefined;
  const lines = docsBefore(range.source.text, range.start);
  return lines ? { lines } : undefined;
}

const nonNullable = (/** @type {string} */ t) => t.replace(/\s*\|\s*null$/, "");

/**
 * Every managed class a signature reaches through parameter, result, field
 * and type-argument types, keyed by the runtime's type name.
 * @param {Signature[]} signatures
 */
function reachableTypes(program, signatures) {
  const classes = new Map();
  for (const cls of program.managedClasses.values()) {
    if (cls.id > 2) classes.set(cls.type.toString(), cls);
  }
  /** @type {Map<string, TypeInfo>} */
  const found = new Map();
  const visit = (/** @type {string} */ typeName) => {
    const name = nonNullable(typeName);
    const cls = classes.get(name);
    if (!cls || found.has(name)) return;
    // Library classes (the SDK's AgentInfo, ModelInfo...) carry no docs, as in
    // Modus: their doc comments are not the app's schema descriptions.
    const library = name.startsWith("~lib/");
    const info = { name, id: cls.id, fields: fieldsOf(cls, library), docs: library ? undefined : docsOf(cls.prototype.declaration) };
    found.set(name, info);
    info.fields?.forEach((f) => visit(f.type));
    cls.typeArguments?.forEach((t) => visit(t.toString()));
  };
  for (const s of signatures) {
    s.parameters.forEach((p) => visit(p.type));
    visit(s.result);
  }
  return [...found.values()];
}

/** @returns {Field[] | undefined} */
function fieldsOf(cls, withoutDocs = false) {
  // Standard-library classes (arrays, maps, Date, buffers) have fixed layouts
  // the host knows; only user and package classes are described field by field.
  if (cls.isArrayLike || isStdLib(cls.prototype.internalName)) return undefined;
  const fields = [];
  for (const member of cls.members?.values() ?? []) {
    if (member.kind !== ElementKind.PropertyPrototype) continue;
    const prop = cls.program.instancesByName.get(member.internalName) ?? member.instance;
    if (!prop || !prop.isField) continue;
    const docs = withoutDocs ? undefined : docsOf(prop.declaration ?? member.fieldDeclaration ?? member.declaration);
    fields.push({ offset: prop.memoryOffset, field: { name: prop.name, type: prop.type.toString(), ...(docs ? { docs } : {}) } });
  }
  return fields.sort((a, b) => a.offset - b.offset).map((f) => f.field);
}

let stdNames;
function isStdLib(/** @type {string} */ internalName) {
  if (!stdNames) {
    const require = createRequire(import.meta.url);
    const root = path.join(path.dirname(require.resolve("assemblyscript/package.json")), "std", "assembly");
    stdNames = new Set();
    const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full, `${prefix}${entry}/`);
        else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) stdNames.add(`~lib/${prefix}${entry.slice(0, -3)}`);
      }
    };
    walk(root, "");
  }
  return stdNames.has(internalName.slice(0, internalName.lastIndexOf("/")));
}

