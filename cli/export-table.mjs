// @ts-check
// Fewer exports per instance: every export is a function object the engine
// makes for each new instance (about 2-3 µs apiece on the reference machine),
// and an app exports every function it serves plus the SDK's agent entry
// points, while a call uses one. This rewrites a built app so only the
// runtime's own exports stay exports; the app's functions go into an exported
// table, read by index (src/wasm/functions.ts) for the one function a call runs.
import binaryen from "binaryen";
import { reachableImports } from "./reach.mjs";

/** The exports the runtime calls on every instance: they stay exports. */
export const RUNTIME_EXPORTS = ["_initialize", "__new", "__pin", "__unpin", "__collect", "__setArgumentsLength", "__modus_fuel_left"];
/** The exported table of the app's functions. */
export const FUNCTION_TABLE = "__modus_functions";
/**
 * The custom section naming each function's index in the table and the host
 * imports it may reach, as JSON: `{"index":{"sayHello":0},"reaches":{"sayHello":["modus_system.logMessage"]}}`
 * (`["*"]`: could not be told).
 */
export const FUNCTION_SECTION = "modus_edge_functions";

/**
 * Moves the module's function exports (other than {@link RUNTIME_EXPORTS})
 * into the table {@link FUNCTION_TABLE}, indexed by {@link FUNCTION_SECTION}.
 * A module that already has the table is returned as it is.
 *
 * @example writeFileSync(file, exportTable(readFileSync(file)))
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function exportTable(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(binaryen.Features.All);
    const moved = [];
    for (let i = 0; i < module.getNumExports(); i++) {
      const e = binaryen.getExportInfo(module.getExportByIndex(i));
      if (e.name === FUNCTION_TABLE) return bytes;
      if (e.kind === binaryen.ExternalFunction && !RUNTIME_EXPORTS.includes(e.name)) moved.push(e);
    }
    if (!moved.length) return bytes;
    module.addTable(FUNCTION_TABLE, moved.length, moved.length);
    module.addActiveElementSegment(FUNCTION_TABLE, FUNCTION_TABLE, moved.map((e) => e.value), module.i32.const(0));
    module.addTableExport(FUNCTION_TABLE, FUNCTION_TABLE);
    for (const e of moved) module.removeExport(e.name);
    const index = Object.fromEntries(moved.map((e, i) => [e.name, i]));
    const reached = reachableImports(module, moved.map((e) => e.value));
    const reaches = Object.fromEntries(moved.map((e) => [e.name, reached.get(e.value)]));
    module.addCustomSection(FUNCTION_SECTION, new TextEncoder().encode(JSON.stringify({ index, reaches })));
    if (!module.validate()) throw new Error("the module does not validate after moving its exports into a table");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}
