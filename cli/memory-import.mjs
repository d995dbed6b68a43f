// @ts-check
// Pooled memory: rewrites a built app so it imports its linear memory instead
// of declaring it. A module that declares its memory makes the engine reserve
// and free a fresh one (with its guard region: several system calls) on every
// instantiation; one that imports it can be handed a memory the runtime keeps,
// reset in full before each call (src/wasm/pool.ts). Its active data segments
// are still applied by every instantiation (joined into one: see mergeSegments).
import binaryen from "binaryen";
import { METER_MODULE } from "./meter.mjs";

/** The import the rewritten module names its memory by; src/wasm/pool.ts provides it. */
export const MEMORY_IMPORT = { module: METER_MODULE, name: "memory" };
/**
 * The custom section that records the imported memory's limits in pages, as
 * JSON (`{"initial":1}` or `{"initial":1,"maximum":16}`): the JavaScript API
 * does not tell an import's limits, and the pool must make memories that fit.
 */
export const MEMORY_SECTION = "modus_edge_memory";

/**
 * Whether the module already imports its memory.
 *
 * @example importsMemory(readFileSync("build/app.wasm")) // true after modus-edge build
 * @param {Uint8Array} bytes
 */
export function importsMemory(bytes) {
  return WebAssembly.Module.imports(new WebAssembly.Module(bytes)).some((i) => i.kind === "memory");
}

/**
 * Turns the module's own (unshared, 32-bit) memory into an import of
 * `modus_edge.memory` with the same limits (recorded in {@link MEMORY_SECTION}),
 * still exported as before. A
 * module without a memory, or whose memory is already imported, shared or
 * 64-bit, is returned as it is (it keeps the runtime's slower path).
 *
 * @example writeFileSync(file, importMemory(readFileSync(file)))
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function importMemory(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(binaryen.Features.All);
    if (!module.hasMemory()) return bytes;
    const info = module.getMemoryInfo();
    if (info.module || info.shared || info.is64) return bytes;
    const exported = memoryExport(module);
    if (!exported) return bytes;
    mergeSegments(module, info, exported);
    module.addMemoryImport(exported.value, MEMORY_IMPORT.module, MEMORY_IMPORT.name);
    const limits = { initial: info.initial, ...(info.max !== undefined ? { maximum: info.max } : {}) };
    module.addCustomSection(MEMORY_SECTION, new TextEncoder().encode(JSON.stringify(limits)));
    if (!module.validate()) throw new Error("the module does not validate after importing its memory");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

// The memory's export (the runtime reads memory through it): its name and the memory's internal name.
function memoryExport(/** @type {binaryen.Module} */ module) {
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalMemory) return e;
  }
  return undefined;
}

/**
 * Joins the active data segments into one (gaps filled with the zeroes they
 * would read anyway): instantiation copies each segment on its own, and
 * AssemblyScript writes one per static string, hundreds per app. Left as they
 * are when any segment is passive or placed by a global, or when the gaps
 * would add more than they save.
 *
 * @param {binaryen.Module} module
 * @param {binaryen.MemoryInfo} info
 * @param {binaryen.ExportInfo} exported
 */
function mergeSegments(module, info, exported) {
  const count = module.getNumMemorySegments();
  if (count < 2) return;
  const segments = [];
  for (let i = 0; i < count; i++) segments.push(module.getMemorySegmentInfo(String(i)));
  if (segments.some((s) => s.passive || typeof s.offset !== "number")) return;
  const start = Math.min(...segments.map((s) => s.offset));
  const end = Math.max(...segments.map((s) => s.offset + s.data.byteLength));
  const used = segments.reduce((n, s) => n + s.data.byteLength, 0);
  if (end - start > 2 * used + 4096) return;
  const data = new Uint8Array(end - start);
  // In order: where segments overlap, the later one wins, as at instantiation.
  for (const s of segments) data.set(new Uint8Array(s.data), s.offset - start);
  module.removeExport(exported.name);
  module.setMemory(info.initial, info.max ?? -1, exported.name, [{ name: "data", data, offset: module.i32.const(start), passive: false }], false, false, exported.value);
}
