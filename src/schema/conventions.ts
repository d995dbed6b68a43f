/**
 * Modus's naming conventions for root fields (upstream `conventions.go`), as data.
 */

/** Query field names drop these prefixes. */
export const QUERY_TRIM_PREFIXES: readonly string[] = ["get", "list"];

/** A function whose name starts with one of these is a mutation. */
export const MUTATION_PREFIXES: readonly string[] = [
  "mutate",
  "post", "patch", "put", "delete",
  "add", "update", "insert", "upsert",
  "create", "edit", "save", "remove", "alter", "modify",
  "start", "stop",
];

/** The Modus SDK exports its agent entry points under this prefix. */
export const AGENT_EXPORT_PREFIX = "_modus_agent_";

/**
 * The prefix of `fnName` from `prefixes`, matched case-insensitively, where
 * the prefix is the whole name or is followed by a character that is not a
 * lower-case ASCII letter; `""` when none matches.
 *
 * @example matchPrefix("addPost", MUTATION_PREFIXES) // "add"
 * @example matchPrefix("additionalPosts", MUTATION_PREFIXES) // ""
 */
export function matchPrefix(fnName: string, prefixes: readonly string[]): string {
  const lower = fnName.toLowerCase();
  for (const prefix of prefixes) {
    if (lower === prefix) return prefix;
    if (fnName.length > prefix.length && lower.startsWith(prefix)) {
      const next = fnName.charCodeAt(prefix.length);
      if (next < 97 || next > 122) return prefix;
    }
  }
  return "";
}

/** @example isMutation("addPost") // true */
export const isMutation = (fnName: string): boolean => matchPrefix(fnName, MUTATION_PREFIXES) !== "";

/**
 * The GraphQL field name of a function: a leading `get`/`list` is dropped and
 * the next letter lower-cased. Like Modus, the prefix is matched in any case
 * but only removed when written in lower case, so `GetPerson` -> `getPerson`.
 *
 * @example fieldName("getPerson") // "person"
 */
export function fieldName(fnName: string): string {
  const prefix = matchPrefix(fnName, QUERY_TRIM_PREFIXES);
  const rest = prefix && fnName.startsWith(prefix) ? fnName.slice(prefix.length) : fnName;
  // Modus crashes on a function named just `get` or `list`; we keep the name.
  if (!rest) return fnName;
  return rest[0]!.toLowerCase() + rest.slice(1);
}

/** Fields whose name starts with `_` are never exposed (checked after trimming: `get_x` is hidden). */
export const isHidden = (fieldName: string): boolean => fieldName.startsWith("_");

/** @example hasAgents(["_modus_agent_activate"]) // true */
export const hasAgents = (fnNames: Iterable<string>): boolean =>
  [...fnNames].some((n) => n.startsWith(AGENT_EXPORT_PREFIX));
