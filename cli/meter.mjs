// @ts-check
// Metering: rewrites a compiled app so the runtime can bound the work of each
// call. Workers' clocks stand still while JavaScript or Wasm runs (a Spectre
// mitigation), so a budget cannot be timed from inside: the module counts its
// own work instead, in fuel units of about one Wasm instruction.
import binaryen from "binaryen";
import { childrenOf, FREE, kindName, slotsOf } from "./meter-ir.mjs";
import { loopExits } from "./meter-loops.mjs";

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
    const { folded, quiet } = foldableFunctions(module, defined);
    addRuntime(module);
    for (const func of defined) meterFunction(module, func, folded, quiet);
    if (!module.validate()) throw new MeterError("the metered module does not validate (see the messages above)");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/**
 * {@link meterWasm}, with a module that cannot be metered thrown as
 * `asError(reason)`, so the caller reports it in its own terms.
 *
 * @example writeFileSync(out, meterBytes(bytes, (reason) => new BuildError(reason)))
 * @param {Uint8Array} bytes
 * @param {(message: string) => Error} [asError]
 */
export function meterBytes(bytes, asError = (message) => new MeterError(message)) {
  try {
    return meterWasm(bytes);
  } catch (err) {
    if (err instanceof MeterError) throw asError(err.message);
    throw err;
  }
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
 * iteration for its body. A folded function is charged by its callers instead.
 */
function meterFunction(
  /** @type {binaryen.Module} */ m,
  /** @type {number} */ func,
  /** @type {Map<string, number>} */ folded,
  /** @type {Set<string>} */ quiet,
) {
  const body = binaryen.Function.getBody(func);
  if (!body) return;
  /** @type {Walk} */
  const walk = { m, func, folded, quiet, body };
  const cost = visit(walk, body, (replacement) => (walk.body = replacement));
  if (folded.has(binaryen.Function.getName(func))) {
    if (walk.body !== body) binaryen.Function.setBody(func, walk.body);
    return;
  }
  binaryen.Function.setBody(func, m.block(null, [take(m, m.i32.const(cost)), walk.body], binaryen.getExpressionType(walk.body)));
}

// A folded function's cost is a constant in its callers' charges; past this, it keeps its own check.
const MAX_FOLDED_COST = 1 << 20;

/**
 * Functions that run a bounded number of instructions (no loop, no indirect
 * call, calling only host imports and other such functions) and that only
 * direct calls reach (not exported, not in a table, not taken by ref.func,
 * not the start function), with their cost including their callees'. Each
 * call site charges that cost with the caller's straight-line code, so the
 * function needs no check of its own: small helpers called in hot loops cost
 * nothing extra.
 *
 * Also returns which of them are quiet: they never touch the fuel global, so
 * a loop may call them and still keep its fuel in a local.
 *
 * @param {binaryen.Module} m
 * @param {number[]} defined
 * @returns {{ folded: Map<string, number>, quiet: Set<string> }}
 */
function foldableFunctions(m, defined) {
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
  /** @type {Map<string, Found>} */
  const bounded = new Map();
  for (const func of defined) {
    const body = binaryen.Function.getBody(func);
    /** @type {Found} */
    const found = { cost: 0, bounded: true, calls: [], quiet: true };
    if (body) survey(body, found, escaping);
    if (found.bounded) bounded.set(binaryen.Function.getName(func), found);
  }
  const imports = new Set();
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    if (info.module) imports.add(info.name);
  }
  // Folded in rounds: a function joins once everything it calls has (so recursion never does).
  /** @type {Map<string, number>} */
  const folded = new Map();
  /** @type {Set<string>} */
  const quiet = new Set();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, f] of bounded) {
      if (folded.has(name) || escaping.has(name)) continue;
      if (!f.calls.every((c) => imports.has(c) || folded.has(c))) continue;
      const cost = f.cost + f.calls.reduce((sum, c) => sum + (folded.get(c) ?? 0), 0);
      if (cost > MAX_FOLDED_COST) continue;
      folded.set(name, cost);
      // Quiet: nothing it runs reads or writes the fuel global (no bulk memory, no host call).
      if (f.quiet && f.calls.every((c) => quiet.has(c))) quiet.add(name);
      grew = true;
    }
  }
  return { folded, quiet };
}

/** @typedef {{ cost: number, bounded: boolean, calls: string[], quiet: boolean }} Found */

/** Reads an expression without changing it: its cost, its direct calls, whether it loops or calls indirectly, the functions it takes references to. */
function survey(/** @type {number} */ expr, /** @type {Found} */ found, /** @type {Set<string>} */ escaping) {
  const id = binaryen.getExpressionId(expr);
  const children = slotsOf(expr);
  if (!children || id === binaryen.LoopId || id === binaryen.CallIndirectId) found.bounded = false;
  if (id === binaryen.CallId) found.calls.push(binaryen.Call.getTarget(expr));
  if (REWRITES.has(id)) found.quiet = false;
  if (id === binaryen.RefFuncId) escaping.add(binaryen.RefFunc.getFunc(expr));
  if (!children) return;
  if (!FREE.has(id)) found.cost++;
  for (const child of childrenOf(expr)) survey(child, found, escaping);
}

// The operand each rewritten kind hands to a helper first.
const REWRITES = new Map([
  [binaryen.MemoryCopyId, [binaryen.MemoryCopy.getSize, binaryen.MemoryCopy.setSize, CHARGE_BYTES]],
  [binaryen.MemoryFillId, [binaryen.MemoryFill.getSize, binaryen.MemoryFill.setSize, CHARGE_BYTES]],
  [binaryen.MemoryInitId, [binaryen.MemoryInit.getSize, binaryen.MemoryInit.setSize, CHARGE_BYTES]],
  [binaryen.MemoryGrowId, [binaryen.MemoryGrow.getDelta, binaryen.MemoryGrow.setDelta, "__modus_grow"]],
]);

/**
 * One function being metered: the module, the function, the functions
 * charged at their call sites, its body (replaced when the outermost expression is)
 * and the local that holds fuel inside register-friendly loops, once added.
 * @typedef {{ m: binaryen.Module, func: number, folded: Map<string, number>, quiet: Set<string>, body: number, fuelLocal?: number }} Walk
 */

/**
 * The fuel cost of `expr` outside any loop it contains; each loop inside is
 * rewritten to charge its own body per iteration, bulk memory operations to
 * charge their bytes, and memory.grow to ask the host first. `replace` puts
 * another expression in `expr`'s place (a loop is wrapped).
 *
 * @param {Walk} w
 * @param {number} expr
 * @param {(replacement: number) => void} replace
 */
function visit(w, expr, replace) {
  const { m } = w;
  const id = binaryen.getExpressionId(expr);
  const slots = slotsOf(expr);
  if (!slots) throw new MeterError(`the module uses ${kindName(id)} instructions, which modus-edge cannot meter`);
  if (id === binaryen.LoopId) {
    const body = binaryen.Loop.getBody(expr);
    const cost = visit(w, body, (b) => binaryen.Loop.setBody(expr, b));
    const wrapped = cacheFuel(w, expr, cost);
    if (wrapped) replace(wrapped);
    else binaryen.Loop.setBody(expr, m.block(null, [take(m, m.i32.const(cost)), binaryen.Loop.getBody(expr)], binaryen.getExpressionType(body)));
    return 1;
  }
  let cost = FREE.has(id) ? 0 : 1;
  for (const slot of slots) {
    const child = slot.get(expr);
    if (child) cost += visit(w, child, (c) => slot.set(expr, c));
  }
  if (id === binaryen.CallId) cost += w.folded.get(binaryen.Call.getTarget(expr)) ?? 0;
  const rewrite = REWRITES.get(id);
  if (rewrite) {
    const [get, set, helper] = rewrite;
    // The host's grow also sees the fuel left, to charge the growth at once.
    const operands = helper === CHARGE_BYTES ? [get(expr)] : [get(expr), m.global.get(FUEL, binaryen.i32)];
    set(expr, m.call(helper, operands, binaryen.i32));
  }
  return cost;
}

/**
 * An innermost loop that calls nothing but quiet functions keeps its fuel in a local (a register)
 * instead of the global: loaded before the loop, charged per iteration,
 * written back on every way out (each branch out of the loop and each return
 * writes it back as its condition or value is evaluated; falling out of the
 * end writes it after). A loop with a way out that has no operand to carry the
 * write-back (a plain `br` out, a bare `return`) keeps the global. Returns the
 * expression to put in the loop's place, or undefined.
 */
function cacheFuel(/** @type {Walk} */ w, /** @type {number} */ loop, /** @type {number} */ cost) {
  const type = binaryen.getExpressionType(loop);
  if (type !== binaryen.none && type !== binaryen.unreachable && binaryen.expandType(type).length !== 1) return undefined;
  const exits = loopExits(loop, w.quiet);
  if (!exits) return undefined;
  const { m } = w;
  const { i32 } = binaryen;
  w.fuelLocal ??= binaryen._BinaryenFunctionAddVar(w.func, i32);
  const f = /** @type {number} */ (w.fuelLocal);
  const writeBack = () => m.global.set(FUEL, m.local.get(f, i32));
  for (const exit of exits) exit(m, writeBack);
  const body = binaryen.Loop.getBody(loop);
  const charge = m.block(null, [
    m.local.set(f, m.i32.sub(m.local.get(f, i32), m.i32.const(cost))),
    m.if(m.i32.lt_s(m.local.get(f, i32), m.i32.const(0)), m.block(null, [writeBack(), m.local.set(f, m.call(OUT_OF_FUEL, [], i32))])),
  ]);
  binaryen.Loop.setBody(loop, m.block(null, [charge, body], binaryen.getExpressionType(body)));
  const load = m.local.set(f, m.global.get(FUEL, i32));
  if (type === binaryen.unreachable) return m.block(null, [load, loop], binaryen.unreachable);
  if (type === binaryen.none) return m.block(null, [load, loop, writeBack()], binaryen.none);
  const result = binaryen._BinaryenFunctionAddVar(w.func, type);
  return m.block(null, [load, m.local.set(result, loop), writeBack(), m.local.get(result, type)], type);
}
