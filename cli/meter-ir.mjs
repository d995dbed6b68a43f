// @ts-check
// The parts of Binaryen's IR the metering walks: each expression kind's
// children, with getters and setters, as binaryen.js names them.
import binaryen from "binaryen";

const E = binaryen;
// Kinds not listed are refused rather than walked blindly: an unmetered loop
// inside one would escape the budget.
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

/**
 * A child slot of an expression: its current value and how to replace it.
 * @typedef {{ get: (expr: number) => number, set: (expr: number, child: number) => void }} Slot
 */

// "Children" and "Operands" are lists: one slot per element.
const LISTS = { Children: ["getNumChildren", "getChildAt", "setChildAt"], Operands: ["getNumOperands", "getOperandAt", "setOperandAt"] };

/** @type {Map<number, (expr: number) => Slot[]>} */
const SLOTS = new Map(
  KINDS.map(([id, cls, fields]) => {
    const api = /** @type {any} */ (binaryen)[cls];
    const makers = fields.map((field) => {
      const list = /** @type {Record<string, string[]>} */ (LISTS)[field];
      if (list) {
        const [count, getAt, setAt] = list;
        return (/** @type {number} */ expr) =>
          Array.from({ length: api[count](expr) }, (_, i) => ({
            get: (/** @type {number} */ e) => api[getAt](e, i),
            set: (/** @type {number} */ e, /** @type {number} */ c) => api[setAt](e, i, c),
          }));
      }
      return () => [{ get: api[`get${field}`], set: api[`set${field}`] }];
    });
    return [id, (/** @type {number} */ expr) => makers.flatMap((make) => make(expr))];
  }),
);

/** The child slots of `expr` (empty ones included), or undefined for a kind the metering does not know. */
export function slotsOf(/** @type {number} */ expr) {
  return SLOTS.get(binaryen.getExpressionId(expr))?.(expr);
}

/** The non-empty children of `expr`. */
export function childrenOf(/** @type {number} */ expr) {
  return (slotsOf(expr) ?? []).map((s) => s.get(expr)).filter(Boolean);
}

/** binaryen's name of an expression kind, for messages. */
export function kindName(/** @type {number} */ id) {
  const entry = Object.entries(binaryen).find(([k, v]) => k.endsWith("Id") && v === id);
  return entry ? entry[0].slice(0, -2) : `expression kind ${id}`;
}

/** Structure only: they run no instruction of their own. */
export const FREE = new Set([E.BlockId, E.NopId]);
