// modus.json's `collections`: their shape (as Modus's last schema with
// collections had it), and the check of each embedder against the module.
import type { FunctionSignature } from "../metadata/types";
import { formatPath, type ManifestProblem } from "./errors";
import { integer, isObject, map, nonEmpty, object, oneOf, oneOfBy, text, type Condition, type Rule } from "./rules";
import type { Manifest } from "./types";

const required = (rule: Rule) => ({ rule, required: true });
const optional = (rule: Rule) => ({ rule });

const hnswOptions = object({ fields: { efConstruction: optional(integer), maxLevels: optional(integer) } });

/** Index types. `hnsw` is accepted with its options; every index is searched exactly. */
const INDEX = oneOfBy("type", {
  sequential: object({ fields: { type: required(text(oneOf("sequential"))) } }),
  hnsw: object({
    fields: {
      type: required(text(oneOf("hnsw"))),
      options: optional((value, path, report) => {
        if (isObject(value) && Object.keys(value).length === 0) return report(path, "must set efConstruction or maxLevels (or be left out)");
        hnswOptions(value, path, report);
      }),
    },
  }),
});

const SEARCH_METHOD = object({ fields: { embedder: required(text(nonEmpty)), index: optional(INDEX) } });

/**
 * One entry of `collections`. Names of collections and search methods follow
 * the rule of every other name in modus.json (`names`).
 */
export const collectionRule = (names: Condition[]): Rule => object({ fields: { searchMethods: optional(map(names, SEARCH_METHOD)) } });

/** Every search method of the manifest, with the JSON path of its embedder. */
export function searchMethods(manifest: Pick<Manifest, "collections">) {
  const out: { collection: string; method: string; embedder: string; path: string }[] = [];
  for (const [collection, c] of Object.entries(manifest.collections ?? {})) {
    for (const [method, m] of Object.entries(c.searchMethods ?? {})) {
      out.push({ collection, method, embedder: m.embedder, path: formatPath(["collections", collection, "searchMethods", method, "embedder"]) });
    }
  }
  return out;
}

/** The names of the functions the manifest's search methods use as embedders. */
export const embedderNames = (manifest: Pick<Manifest, "collections">): Set<string> =>
  new Set(searchMethods(manifest).map((m) => m.embedder));

const STRING = "~lib/string/String";
const ARRAY = /^~lib\/array\/Array<(.*)>$/;
const nonNull = (t: string) => t.replace(/\s*\|\s*null$/, "");
const elementOf = (t: string | undefined) => (t === undefined ? undefined : ARRAY.exec(t)?.[1]);

/**
 * Does `fn` take one `string[]` and return `f32[][]`? As in Modus, `f64[][]`
 * is accepted too, and the strings and inner arrays may be nullable.
 */
export function isEmbedderSignature(fn: FunctionSignature): boolean {
  if (fn.parameters.length !== 1 || fn.results.length !== 1) return false;
  const param = elementOf(fn.parameters[0]!.type);
  const rows = elementOf(fn.results[0]!.type);
  const row = rows === undefined ? undefined : elementOf(nonNull(rows));
  return param !== undefined && nonNull(param) === STRING && (row === "f32" || row === "f64");
}

/**
 * The manifest's embedders that the module does not export with an
 * embedder's signature, each named by its JSON path. Checked when the
 * Worker starts and when `modus-edge build` has compiled the app.
 *
 * @example embedderProblems(manifest, metadata.fnExports)
 * // [{ path: "collections.products.searchMethods.bow.embedder", message: 'function "embed" must take ...' }]
 */
export function embedderProblems(manifest: Pick<Manifest, "collections">, fnExports: Record<string, FunctionSignature>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const { embedder, path } of searchMethods(manifest)) {
    const fn = Object.hasOwn(fnExports, embedder) ? fnExports[embedder] : undefined;
    if (!fn) {
      problems.push({ path, message: `the app exports no function "${embedder}"` });
    } else if (!isEmbedderSignature(fn)) {
      problems.push({ path, message: `function "${embedder}" must take string[] and return f32[][]; it is ${showSignature(fn)}` });
    }
  }
  return problems;
}

/** @example showSignature(fn) // "(texts: string[]) => f32[]" */
export function showSignature(fn: FunctionSignature): string {
  const params = fn.parameters.map((p) => `${p.name}: ${showType(p.type)}`).join(", ");
  return `(${params}) => ${fn.results[0] ? showType(fn.results[0].type) : "void"}`;
}

function showType(t: string): string {
  const nullable = /\s*\|\s*null$/.exec(t);
  if (nullable) return `${showType(t.slice(0, nullable.index))} | null`;
  const element = elementOf(t);
  if (element !== undefined) {
    const shown = showType(element);
    return shown.includes("|") ? `(${shown})[]` : `${shown}[]`;
  }
  return t.replace(/[~\w@.-]+\//g, "").replace(/\bString\b/g, "string");
}
