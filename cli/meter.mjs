// @ts-check
// Metering: rewrites a compiled app so the runtime can bound the work of each
// call. Workers' clocks stand still while JavaScript or Wasm runs (a Spectre
// mitigation), so a budget cannot be timed from inside: the module counts its
// own work instead, in fuel units of about one Wasm instruction.
import { readFileSync, writeFileSync } from "node:fs";
import binaryen from "binaryen";

/** The import module the rewritten code calls; src/hostfns/meter.ts provides it. */
export const METER_MODULE = "modus_edge";
const FUEL = "__modus_fuel";
const FUEL_LEFT = "__modus_fuel_left";
const OUT_OF_FUEL = "__modus_out_of_fuel";
const CHARGE_BYTES = "__modus_charge_bytes";
// One fuel unit per this many bytes moved by memory.copy / memory.fill / memory.init.
const BYTES_PER_UNIT_SHIFT = 2;

// Features AssemblyScript may emit; a module needing others is refused by validation.
const FEATURES =
  binaryen.Features.MutableGlobals | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt |
  binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt | binaryen.Features.SIMD128 |
  binaryen.Features.Multivalue | binaryen.Features.ReferenceTypes | binaryen.Features.Atomics;

/** A module that cannot be metered; the message says why. */
export class MeterError extends Error {}

/**
 * Whether a module already carries the metering (it imports `modus_edge.refuel`).
 *
 * @example isMetered(readFileSync("build/app.wasm")) // true after modus-edge build
 * @param {Uint8Array} bytes
 */
export function isMetered(bytes) {
  return WebAssembly.Module.imports(new WebAssembly.Module(bytes)).some((i) => i.module === METER_MODULE && i.name === "refuel");
}

/**
 * Meters a compiled module: every function entry and loop iteration takes
 * fuel for the instructions it is about to run (bulk memory operations also
 * for their bytes) from a global; when the global runs out, the module asks
 * the host for more (`modus_edge.refuel`, and `modus_edge.pause` when the host
 * wants other requests to run first). Every `memory.grow` asks the host
 * (`modus_edge.grow`, given the pages and the fuel left), which enforces the
 * memory budget and charges the growth. Custom sections (the
 * Modus metadata) are kept. A module that is already metered is returned as it is.
 *
 * @example writeFileSync(file, meterWasm(readFileSync(file)))
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function meterWasm(bytes) {
  if (isMetered(bytes)) return bytes;
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(FEATURES);
    const defined = definedFunctions(module);
    const folded = foldableLeaves(module, defined);
    addRuntime(module);
    for (const func of defined) meterFunction(module, func, folded);
    if (!module.validate()) throw new MeterError("the metered module does not validate (see the messages above)");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/**
 * Meters a module file in place (the build's last step, and a prebuilt
 * module's before it is served). A module that cannot be metered throws
 * `asError(reason)`, so the caller reports it in its own terms.
 *
 * @example meterWasmFile("build/app.wasm", (reason) => new BuildError(reason))
 * @param {string} file
 * @param {(message: string) => Error} [asError]
 */
export function meterWasmFile(file, asError = (message) => new MeterError(message)) {
  const bytes = readFileSync(file);
  let metered;
  try {
    metered = meterWasm(bytes);
  } catch (err) {
    if (err instanceof MeterError) throw asError(err.message);
    throw err;
  }
  if (metered !== bytes) writeFileSync(file, metered);
}

/** @param {binaryen.Module} module */
function definedFunctions(module) {
  const out = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    if (!binaryen.getFunctionInfo(func).module) out.push(func);
  }
  return out;
}

/** The fuel global, the host imports and the two helpers the metered code calls. */
function addRuntime(/** @type {binaryen.Module} */ m) {
  const { i32, none } = binaryen;
  // Not exported: V8 keeps an exported mutable global behind an extra indirection on every access.
  m.addGlobal(FUEL, i32, true, m.i32.const(0));
  m.addFunction(FUEL_LEFT, none, i32, [], m.global.get(FUEL, i32));
  m.addFunctionExport(FUEL_LEFT, FUEL_LEFT);
  m.addFunctionImport("__modus_refuel", METER_MODULE, "refuel", i32, i32);
  m.addFunctionImport("__modus_pause", METER_MODULE, "pause", none, i32);
  m.addFunctionImport("__modus_grow", METER_MODULE, "grow", binaryen.createType([i32, i32]), i32);
  // refuel answers 0 when the host wants to pause first; pause then answers the fuel.
  m.addFunction(OUT_OF_FUEL, none, i32, [i32], m.block(null, [
    m.local.set(0, m.call("__modus_refuel", [m.global.get(FUEL, i32)], i32)),
    m.if(m.i32.eqz(m.local.get(0, i32)), m.local.set(0, m.call("__modus_pause", [], i32))),
    m.local.get(0, i32),
  ], i32));
  m.addFunction(CHARGE_BYTES, i32, i32, [], m.block(null, [
    take(m, m.i32.shr_u(m.local.get(0, i32), m.i32.const(BYTES_PER_UNIT_SHIFT))),
    m.local.get(0, i32),
  ], i32));
}

/** `fuel -= cost; if (fuel < 0) fuel = out_of_fuel()` */
function take(/** @type {binaryen.Module} */ m, /** @type {number} */ cost) {
  const { i32 } = binaryen;
  return m.block(null, [
    m.global.set(FUEL, m.i32.sub(m.global.get(FUEL, i32), cost)),
    m.if(m.i32.lt_s(m.global.get(FUEL, i32), m.i32.const(0)), m.global.set(FUEL, m.call(OUT_OF_FUEL, [], i32))),
  ], binaryen.none);
}

/**
 * Charges the function's entry for its straight-line code, and each loop
 * iteration for its body. A foldable leaf is charged by its callers instead.
 */
function meterFunction(/** @type {binaryen.Module} */ m, /** @type {number} */ func, /** @type {Map<string, number>} */ folded) {
  const body = binaryen.Function.getBody(func);
  if (!body) return;
  const cost = walk(m, body, folded);
  if (folded.has(binaryen.Function.getName(func))) return;
  binaryen.Function.setBody(func, m.block(null, [take(m, m.i32.const(cost)), body], binaryen.getExpressionType(body)));
}

/**
 * Leaves (no loop, no call) that only direct calls reach (not exported, not
 * in a table, not taken by ref.func, not the start function), with their
 * cost. Such a function runs a bounded number of instructions, so each call
 * site charges its cost with the caller's straight-line code and the leaf
 * needs no check of its own: small helpers called in hot loops cost nothing extra.
 *
 * @param {binaryen.Module} m
 * @param {number[]} defined
 * @returns {Map<string, number>}
 */
function foldableLeaves(m, defined) {
  /** @type {Set<string>} */
  const escaping = new Set();
  for (let i = 0; i < m.getNumExports(); i++) {
    const info = binaryen.getExportInfo(m.getExportByIndex(i));
    if (info.kind === binaryen.ExternalFunction) escaping.add(info.value);
  }
  for (let i = 0; i < m.getNumElementSegments(); i++) {
    for (const name of binaryen.getElementSegmentInfo(m.getElementSegmentByIndex(i)).data) escaping.add(name);
  }
  const start = m.getStart();
  if (start) escaping.add(binaryen.Function.getName(start));
  /** @type {Map<string, number>} */
  const leaves = new Map();
  for (const func of defined) {
    const body = binaryen.Function.getBody(func);
    const found = { cost: 0, leaf: true };
    if (body) survey(body, found, escaping);
    if (found.leaf) leaves.set(binaryen.Function.getName(func), found.cost);
  }
  for (const name of escaping) leaves.delete(name);
  return leaves;
}

/** Reads an expression without changing it: its cost, whether it loops or calls, the functions it takes references to. */
function survey(/** @type {number} */ expr, /** @type {{ cost: number, leaf: boolean }} */ found, /** @type {Set<string>} */ escaping) {
  const id = binaryen.getExpressionId(expr);
  const getters = CHILDREN.get(id);
  if (!getters || id === E.LoopId || id === E.CallId || id === E.CallIndirectId) found.leaf = false;
  if (id === E.RefFuncId) escaping.add(binaryen.RefFunc.getFunc(expr));
  if (!getters) return;
  if (!FREE.has(id)) found.cost++;
  for (const get of getters) {
    const value = get(expr);
    if (Array.isArray(value)) for (const child of value) survey(child, found, escaping);
    else if (value) survey(value, found, escaping);
  }
}

const E = binaryen;
// Each expression kind's children, by the getters binaryen.js names them
// with. Kinds not listed are refused rather than walked blindly: an unmetered
// loop inside one would escape the budget.
/** @type {[number, string, string[]][]} */
const KINDS = [
  [E.BlockId, "Block", ["Children"]], [E.IfId, "If", ["Condition", "IfTrue", "IfFalse"]], [E.LoopId, "Loop", ["Body"]],
  [E.BreakId, "Break", ["Condition", "Value"]], [E.SwitchId, "Switch", ["Condition", "Value"]], [E.CallId, "Call", ["Operands"]],
  [E.CallIndirectId, "CallIndirect", ["Target", "Operands"]], [E.LocalGetId, "", []], [E.LocalSetId, "LocalSet", ["Value"]],
  [E.GlobalGetId, "", []], [E.GlobalSetId, "GlobalSet", ["Value"]], [E.LoadId, "Load", ["Ptr"]],
  [E.StoreId, "Store", ["Ptr", "Value"]], [E.ConstId, "", []], [E.UnaryId, "Unary", ["Value"]],
  [E.BinaryId, "Binary", ["Left", "Right"]], [E.SelectId, "Select", ["IfTrue", "IfFalse", "Condition"]],
  [E.DropId, "Drop", ["Value"]], [E.ReturnId, "Return", ["Value"]], [E.MemorySizeId, "", []],
  [E.MemoryGrowId, "MemoryGrow", ["Delta"]], [E.NopId, "", []], [E.UnreachableId, "", []],
  [E.AtomicRMWId, "AtomicRMW", ["Ptr", "Value"]], [E.AtomicCmpxchgId, "AtomicCmpxchg", ["Ptr", "Expected", "Replacement"]],
  [E.AtomicWaitId, "AtomicWait", ["Ptr", "Expected", "Timeout"]], [E.AtomicNotifyId, "AtomicNotify", ["Ptr", "NotifyCount"]],
  [E.AtomicFenceId, "", []], [E.SIMDExtractId, "SIMDExtract", ["Vec"]], [E.SIMDReplaceId, "SIMDReplace", ["Vec", "Value"]],
  [E.SIMDShuffleId, "SIMDShuffle", ["Left", "Right"]], [E.SIMDTernaryId, "SIMDTernary", ["A", "B", "C"]],
  [E.SIMDShiftId, "SIMDShift", ["Vec", "Shift"]], [E.SIMDLoadId, "SIMDLoad", ["Ptr"]],
  [E.SIMDLoadStoreLaneId, "SIMDLoadStoreLane", ["Ptr", "Vec"]], [E.MemoryInitId, "MemoryInit", ["Dest", "Offset", "Size"]],
  [E.DataDropId, "", []], [E.MemoryCopyId, "MemoryCopy", ["Dest", "Source", "Size"]],
  [E.MemoryFillId, "MemoryFill", ["Dest", "Value", "Size"]], [E.RefNullId, "", []], [E.RefIsNullId, "RefIsNull", ["Value"]],
  [E.RefFuncId, "", []], [E.RefEqId, "RefEq", ["Left", "Right"]], [E.TableGetId, "TableGet", ["Index"]],
  [E.TableSetId, "TableSet", ["Index", "Value"]], [E.TableSizeId, "", []], [E.TableGrowId, "TableGrow", ["Value", "Delta"]],
  [E.TupleMakeId, "TupleMake", ["Operands"]], [E.TupleExtractId, "TupleExtract", ["Tuple"]],
];
/** @type {Map<number, ((expr: number) => number | number[])[]>} */
const CHILDREN = new Map(KINDS.map(([id, cls, fields]) => [id, fields.map((f) => /** @type {any} */ (binaryen)[cls][`get${f}`])]));
/** @type {Map<number, string>} binaryen's name of each expression kind, for messages */
const KIND_NAMES = new Map(
  Object.entries(binaryen).filter(([k, v]) => k.endsWith("Id") && typeof v === "number").map(([k, v]) => [/** @type {number} */ (v), k.slice(0, -2)]),
);
// Structure only: they run no instruction of their own.
const FREE = new Set([E.BlockId, E.NopId]);
// The operand each rewritten kind hands to a helper first.
const REWRITES = new Map([
  [E.MemoryCopyId, [E.MemoryCopy.getSize, E.MemoryCopy.setSize, CHARGE_BYTES]],
  [E.MemoryFillId, [E.MemoryFill.getSize, E.MemoryFill.setSize, CHARGE_BYTES]],
  [E.MemoryInitId, [E.MemoryInit.getSize, E.MemoryInit.setSize, CHARGE_BYTES]],
  [E.MemoryGrowId, [E.MemoryGrow.getDelta, E.MemoryGrow.setDelta, "__modus_grow"]],
]);

/**
 * The fuel cost of `expr` outside any loop it contains; each loop inside is
 * rewritten to charge its own body per iteration, bulk memory operations to
 * charge their bytes, and memory.grow to ask the host first.
 */
function walk(/** @type {binaryen.Module} */ m, /** @type {number} */ expr, /** @type {Map<string, number>} */ folded) {
  const id = binaryen.getExpressionId(expr);
  const fields = CHILDREN.get(id);
  if (!fields) throw new MeterError(`the module uses ${KIND_NAMES.get(id) ?? `expression kind ${id}`} instructions, which modus-edge cannot meter`);
  if (id === E.LoopId) {
    const body = binaryen.Loop.getBody(expr);
    const cost = walk(m, body, folded);
    binaryen.Loop.setBody(expr, m.block(null, [take(m, m.i32.const(cost)), body], binaryen.getExpressionType(body)));
    return 1;
  }
  let cost = FREE.has(id) ? 0 : 1;
  for (const get of fields) {
    const value = get(expr);
    if (Array.isArray(value)) for (const child of value) cost += walk(m, child, folded);
    else if (value) cost += walk(m, value, folded);
  }
  if (id === E.CallId) cost += folded.get(binaryen.Call.getTarget(expr)) ?? 0;
  const rewrite = REWRITES.get(id);
  if (rewrite) {
    const [get, set, helper] = rewrite;
    // The host's grow also sees the fuel left, to charge the growth at once.
    const operands = helper === CHARGE_BYTES ? [get(expr)] : [get(expr), m.global.get(FUEL, binaryen.i32)];
    set(expr, m.call(helper, operands, binaryen.i32));
  }
  return cost;
}


