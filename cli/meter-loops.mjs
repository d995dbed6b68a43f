// @ts-check
// Which loops may keep their fuel in a local (see cacheFuel in meter.mjs):
// innermost ones that call nothing but quiet functions (which never touch
// the fuel global), and whose every way out can carry a write-back of the
// local to the global.
import binaryen from "binaryen";
import { childrenOf } from "./meter-ir.mjs";

/**
 * A way out of a loop, as a function that makes it write the fuel back
 * (`writeBack()` builds the `global.set`) as its condition or value is evaluated.
 * @typedef {(m: binaryen.Module, writeBack: () => number) => void} Exit
 */

/**
 * The ways out of `loop` if it may keep its fuel in a local, else undefined:
 * it must contain no loop and no call but to `quiet` functions (another
 * callee would read a stale global), and every branch out of it and every
 * return must have an operand evaluated just before it leaves.
 *
 * @param {number} loop
 * @param {Set<string>} quiet
 * @returns {Exit[] | undefined}
 */
export function loopExits(loop, quiet) {
  const inside = new Set([binaryen.Loop.getName(loop)]);
  const body = binaryen.Loop.getBody(loop);
  /** @type {number[]} */
  const branches = [];
  const stack = [body];
  while (stack.length) {
    const expr = /** @type {number} */ (stack.pop());
    const id = binaryen.getExpressionId(expr);
    if (id === binaryen.LoopId || id === binaryen.CallIndirectId) return undefined;
    if (id === binaryen.CallId && !quiet.has(binaryen.Call.getTarget(expr))) return undefined;
    if (id === binaryen.BlockId && binaryen.Block.getName(expr)) inside.add(binaryen.Block.getName(expr));
    if (id === binaryen.BreakId || id === binaryen.SwitchId || id === binaryen.ReturnId) branches.push(expr);
    stack.push(...childrenOf(expr));
  }
  /** @type {Exit[]} */
  const exits = [];
  for (const expr of branches) {
    const exit = exitOf(expr, inside);
    if (exit === null) return undefined;
    if (exit) exits.push(exit);
  }
  return exits;
}

/** How `expr` writes the fuel back if it leaves the loop; undefined when it stays inside; null when it cannot. */
function exitOf(/** @type {number} */ expr, /** @type {Set<string>} */ inside) {
  const id = binaryen.getExpressionId(expr);
  /** @type {(get: (e: number) => number, set: (e: number, c: number) => void) => Exit} */
  const before = (get, set) => (m, writeBack) => {
    const operand = get(expr);
    set(expr, m.block(null, [writeBack(), operand], binaryen.getExpressionType(operand)));
  };
  if (id === binaryen.BreakId) {
    if (inside.has(binaryen.Break.getName(expr))) return undefined;
    // The condition is evaluated last, right before the branch is taken or not.
    if (binaryen.Break.getCondition(expr)) return before(binaryen.Break.getCondition, binaryen.Break.setCondition);
    if (binaryen.Break.getValue(expr)) return before(binaryen.Break.getValue, binaryen.Break.setValue);
    return null;
  }
  if (id === binaryen.SwitchId) {
    const names = [...binaryen.Switch.getNames(expr), binaryen.Switch.getDefaultName(expr)];
    if (names.every((n) => inside.has(n))) return undefined;
    return before(binaryen.Switch.getCondition, binaryen.Switch.setCondition);
  }
  // A return.
  if (binaryen.Return.getValue(expr)) return before(binaryen.Return.getValue, binaryen.Return.setValue);
  return null;
}
