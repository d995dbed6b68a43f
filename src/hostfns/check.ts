// The build's view of the host tables: which imports an app may have, and which
// database drivers its Worker needs. Run by `modus-edge build` (bundled for
// Node), so the rule is the runtime's own table, never a copy.
import { readMetadata } from "../metadata/read";
import type { Manifest } from "../manifest/types";
import { TypePlanner } from "../wasm/abi/plan";
import type { SqlDbType } from "../data/sql/types";
import { hostFunctions, HostImportError, planHostImports } from "./index";

/**
 * Every import of `module` this runtime cannot satisfy, one line each, naming
 * the import; `[]` when the Worker can serve it.
 *
 * @example importProblems(module) // ['modus_foo.bar: modus-edge provides no such host function (module "modus_foo" is not provided)']
 */
export function importProblems(module: WebAssembly.Module, table = hostFunctions): string[] {
  const provided = new Map<string, string[]>();
  for (const f of table) provided.set(f.module, [...(provided.get(f.module) ?? []), f.name]);
  const problems: string[] = [];
  for (const imp of WebAssembly.Module.imports(module)) {
    const key = `${imp.module}.${imp.name}`;
    const names = provided.get(imp.module);
    if (imp.kind !== "function") problems.push(`${key}: the module imports a ${imp.kind}; modus-edge provides only functions`);
    else if (!names) problems.push(`${key}: modus-edge provides no such host function (no "${imp.module}" module)`);
    else if (!names.includes(imp.name)) problems.push(`${key}: modus-edge provides no such host function ("${imp.module}" has ${names.join(", ")})`);
  }
  if (problems.length) return problems;
  try {
    planHostImports(module, new TypePlanner(readMetadata(module)), table);
  } catch (err) {
    if (!(err instanceof HostImportError)) throw err;
    problems.push(err.message);
  }
  return problems;
}

/**
 * The SQL drivers the Worker must bundle: those of the manifest's connections,
 * when the module imports the SQL host function at all.
 *
 * @example sqlDriversNeeded(module, manifest) // ["postgresql"]
 */
export function sqlDriversNeeded(module: WebAssembly.Module, manifest: Manifest): SqlDbType[] {
  const usesSql = WebAssembly.Module.imports(module).some((i) => i.module === "modus_sql_client");
  if (!usesSql) return [];
  const kinds = new Set(Object.values(manifest.connections ?? {}).map((c) => c.type));
  return (["postgresql", "mysql"] as const).filter((k) => kinds.has(k));
}
