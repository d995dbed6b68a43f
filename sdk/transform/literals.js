// @ts-check
import { NodeKind, LiteralKind, Token } from "assemblyscript";

/**
 * The JSON value of a parameter's default, as Modus records it; "" when the
 * initializer is not a literal (Modus does the same).
 * @param {any} node
 * @returns {unknown}
 */
export function literalValue(node) {
  switch (node.kind) {
    case NodeKind.True:
      return true;
    case NodeKind.False:
      return false;
    case NodeKind.Null:
      return null;
    case NodeKind.Parenthesized:
      return literalValue(node.expression);
    case NodeKind.UnaryPrefix: {
      const v = literalValue(node.operand);
      if (node.operator === Token.Minus && typeof v === "number") return -v;
      return "";
    }
    case NodeKind.Literal:
      switch (node.literalKind) {
        case LiteralKind.Integer:
          return integerValue(node.value);
        case LiteralKind.Float:
          return node.value;
        case LiteralKind.String:
          return node.value;
        case LiteralKind.Array:
          return node.elementExpressions.map((e) => (e ? literalValue(e) : null));
      }
  }
  return "";
}

function integerValue(value) {
  if (typeof value === "bigint") return Number(value);
  // The compiler's JS build represents i64 as a {low, high} pair.
  if (value && typeof value === "object" && "low" in value) {
    return value.high * 4294967296 + (value.low >>> 0);
  }
  return Number(value);
}
