// @ts-check

// A `/** ... */` block, then optional decorators and `export`, then the end.
const DOC_BEFORE = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:export\s+)?(?:declare\s+)?$/;

/**
 * The lines of the doc comment right before `start` in `text`, or null.
 * Lines are kept as Modus keeps them: those that begin with `* `, without it.
 * @param {string} text
 * @param {number} start
 * @returns {string[] | null}
 */
export function docsBefore(text, start) {
  const before = text.slice(Math.max(0, start - 4096), start);
  const match = DOC_BEFORE.exec(before);
  if (!match) return null;
  const body = match[1];
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("* "))
    .map((l) => l.slice(2));
  // A one-line comment (`/** Adds two numbers. */`) has no `* ` lines.
  if (!lines.length && !body.includes("\n") && body.trim()) return [body.trim()];
  return lines.length ? lines : null;
}
