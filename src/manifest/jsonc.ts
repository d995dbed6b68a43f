import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { formatPath, type ManifestProblem, type PathSegment } from "./errors";

// jsonc-parser names its errors in PascalCase; users read words.
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "invalid comment",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in a string",
};

/** The parsed value, or the syntax problems that stopped it; duplicate keys are problems too. */
export type JsoncResult = { value: unknown; problems: ManifestProblem[] };

/**
 * Parses JSON with comments and trailing commas. Syntax problems name the
 * 1-based line:column; a repeated key is reported because JSON silently keeps
 * only the last one.
 *
 * @example parseJsonc('{ "a": 1, // note\n }').value // { a: 1 }
 */
export function parseJsonc(text: string): JsoncResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    const found = errors.map((e) => ({ code: printParseErrorCode(e.error), offset: e.offset }));
    if (!found.length) found.push({ code: "ValueExpected", offset: text.length });
    return {
      value: undefined,
      problems: found.map((e) => ({
        path: "",
        message: `syntax error at ${lineColumn(text, e.offset)}: ${SYNTAX_MESSAGES[e.code] ?? "invalid JSON"}`,
      })),
    };
  }
  const problems: ManifestProblem[] = [];
  return { value: toValue(root, [], problems), problems };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

// Builds the value by hand rather than with getNodeValue: a "__proto__" key
// must stay an ordinary (and so reportable) key, and repeats must be seen.
function toValue(node: Node, path: PathSegment[], problems: ManifestProblem[]): unknown {
  if (node.type === "array") return (node.children ?? []).map((child, i) => toValue(child, [...path, i], problems));
  if (node.type !== "object") return node.value;
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (Object.hasOwn(out, key)) {
      problems.push({ path: formatPath([...path, key]), message: "duplicate key (JSON keeps only the last one)" });
    }
    const value = toValue(valueNode, [...path, key], problems);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
