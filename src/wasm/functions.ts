/** The table a module built by modus-edge keeps its functions in (cli/export-table.mjs). */
export const FUNCTION_TABLE = "__modus_functions";
const FUNCTION_SECTION = "modus_edge_functions";

/** Where each of a module's functions is: its index in {@link FUNCTION_TABLE}. */
export type FunctionIndex = ReadonlyMap<string, number>;

/**
 * The module's function index, or undefined when its functions are plain
 * exports (a module built elsewhere). Read once per module: the table spares
 * every instance one function object per export it would not call.
 *
 * @example functionIndex(module)?.get("sayHello") // 8
 */
export function functionIndex(module: WebAssembly.Module): FunctionIndex | undefined {
  const section = readSection(module);
  return section && new Map(Object.entries(section.index));
}

/**
 * The host imports (`module.name`) each function may reach, as the build
 * found them (`["*"]`: could not be told); undefined for a module built elsewhere.
 *
 * @example reachableImports(module)?.get("sayHello") // ["modus_edge.refuel", "modus_system.logMessage"]
 */
export function reachableImports(module: WebAssembly.Module): ReadonlyMap<string, readonly string[]> | undefined {
  const section = readSection(module);
  return section && new Map(Object.entries(section.reaches));
}

function readSection(module: WebAssembly.Module): { index: Record<string, number>; reaches: Record<string, string[]> } | undefined {
  const section = WebAssembly.Module.customSections(module, FUNCTION_SECTION)[0];
  return section && JSON.parse(new TextDecoder().decode(section));
}

/**
 * One of an instance's functions by name: from its table when the module has
 * one, else from its exports; undefined when there is none by that name.
 *
 * @example guestFunction(instance.exports, index, "sayHello")?.("edge")
 */
export function guestFunction(exports: Record<string, unknown>, index: FunctionIndex | undefined, name: string): Function | undefined {
  const at = index?.get(name);
  if (at !== undefined) return ((exports[FUNCTION_TABLE] as WebAssembly.Table).get(at) as Function | null) ?? undefined;
  const fn = exports[name];
  return typeof fn === "function" ? fn : undefined;
}
