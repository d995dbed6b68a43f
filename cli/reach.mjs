// @ts-check
// Which host imports each function can reach, through direct calls and
// (conservatively) any indirect call: the runtime calls a function that can
// reach no asynchronous host function without JSPI (src/wasm/sync.ts).
import binaryen from "binaryen";
import { childrenOf, slotsOf } from "./meter-ir.mjs";

const ALL = "*";

/**
 * For each function name in `names`, the imports (`module.name`) it may
 * reach, or `["*"]` when it cannot be told (an expression kind the walk does
 * not know).
 *
 * @param {binaryen.Module} m
 * @param {string[]} names internal function names
 * @returns {Map<string, string[]>}
 */
export function reachableImports(m, names) {
  /** @type {Map<string, string>} */
  const imports = new Map();
  /** @type {Map<string, { calls: Set<string>, indirect: boolean, unknown: boolean }>} */
  const defined = new Map();
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const func = m.getFunctionByIndex(i);
    const info = binaryen.getFunctionInfo(func);
    if (info.module) imports.set(info.name, `${info.module}.${info.base}`);
    else defined.set(info.name, survey(info.body));
  }
  // What an indirect call may land on: every function a table holds or code takes a reference to.
  const escaping = new Set();
  for (let i = 0; i < m.getNumElementSegments(); i++) {
    for (const name of binaryen.getElementSegmentInfo(m.getElementSegmentByIndex(i)).data) escaping.add(name);
  }
  for (const f of defined.values()) for (const r of f.calls) if (r.startsWith("&")) escaping.add(r.slice(1));
  /** @type {Map<string, Set<string>>} */
  const memo = new Map();
  const reach = (/** @type {string} */ start) => {
    const out = new Set();
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) {
      const name = /** @type {string} */ (stack.pop());
      const imported = imports.get(name);
      if (imported) {
        out.add(imported);
        continue;
      }
      const f = defined.get(name);
      if (!f || f.unknown) return new Set([ALL]);
      const next = [...f.calls].map((c) => (c.startsWith("&") ? c.slice(1) : c));
      if (f.indirect) next.push(...escaping);
      for (const n of next) if (!seen.has(n)) seen.add(n), stack.push(n);
    }
    return out;
  };
  for (const name of names) if (!memo.has(name)) memo.set(name, reach(name));
  return new Map(names.map((n) => [n, [.../** @type {Set<string>} */ (memo.get(n))].sort()]));
}

/** Direct call targets (`&name` for a function reference taken), indirect calls, and unknown kinds in a body. */
function survey(/** @type {number} */ body) {
  const found = { calls: new Set(), indirect: false, unknown: false };
  if (!body) return found;
  const stack = [body];
  while (stack.length) {
    const expr = /** @type {number} */ (stack.pop());
    const id = binaryen.getExpressionId(expr);
    if (id === binaryen.CallId) found.calls.add(binaryen.Call.getTarget(expr));
    else if (id === binaryen.CallIndirectId) found.indirect = true;
    else if (id === binaryen.RefFuncId) found.calls.add(`&${binaryen.RefFunc.getFunc(expr)}`);
    if (!slotsOf(expr)) found.unknown = true;
    stack.push(...childrenOf(expr));
  }
  return found;
}
