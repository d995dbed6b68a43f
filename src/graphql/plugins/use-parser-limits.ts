import { parse } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

export interface ParserLimitOptions {
  /** Deepest nesting of braces, brackets and parentheses a document may have. */
  maxNesting?: number;
  /** Most tokens a document may have (graphql-js stops parsing past it). */
  maxTokens?: number;
}

/**
 * The nesting depth of `{`, `[` and `(` in a GraphQL document, skipping
 * strings, block strings and comments, stopping once past `limit`.
 */
export function nestingDepth(source: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length && deepest <= limit; i++) {
    const c = source[i];
    if (c === "#") {
      while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      i += block ? 3 : 1;
      while (i < source.length) {
        if (source[i] === "\\") i += 2;
        else if (block ? source.startsWith('"""', i) : source[i] === '"' || source[i] === "\n") break;
        else i++;
      }
      if (block) i += 2;
    } else if (c === "{" || c === "[" || c === "(") {
      deepest = Math.max(deepest, ++depth);
    } else if (c === "}" || c === "]" || c === ")") {
      depth--;
    }
  }
  return deepest;
}

/**
 * Refuses documents the parser should not even start on: nested deeper than
 * `maxNesting` (a recursive parser would exhaust the stack: a 400 instead of
 * a masked 500), or longer than `maxTokens` tokens.
 *
 * @example plugins: [useParserLimits({ maxNesting: 100, maxTokens: 20_000 })]
 */
export function useParserLimits({ maxNesting = 100, maxTokens = 20_000 }: ParserLimitOptions = {}): Plugin {
  return {
    onParse({ params, setParseFn }) {
      const source = typeof params.source === "string" ? params.source : params.source.body;
      const depth = nestingDepth(source, maxNesting);
      if (depth > maxNesting) {
        throw createGraphQLError(`The document is nested more than ${maxNesting} levels deep; the limit is ${maxNesting}.`, {
          extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } },
        });
      }
      setParseFn((text, options) => parse(text, { ...options, maxTokens }));
    },
  };
}
