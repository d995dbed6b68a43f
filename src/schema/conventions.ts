/** Query field names drop these prefixes (Modus `queryTrimPrefixes`). */
export const QUERY_TRIM_PREFIXES: readonly string[] = ["get", "list"];

/** A function whose name starts with one of these is a mutation (Modus `mutationPrefixes`). */
export const MUTATION_PREFIXES: readonly string[] = [
  "mutate",
  "post", "patch", "put", "delete",
  "add", "update", "insert", "upsert",
  "create", "edit", "save", "remove", "alter", "modify",
  "start", "stop",
];

/**
 * The prefix of `fnName` from `prefixes`, matched case-insensitively, where
 * the prefix is the whole name or is followed by a character that is not a
 * lower-case letter; `""` when none matches.
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

export const isMutation = (fnName: string): boolean => matchPrefix(fnName, MUTATION_PREFIXES) !== "";

/**
 * The GraphQL field name of a function: a leading `get`/`list` (written in
 * lower case, as Modus trims it) is dropped and the next letter lower-cased.
 *
 * @example fieldName("getPerson") // "person"
 */
export function fieldName(fnName: string): string {
  const prefix = matchPrefix(fnName, QUERY_TRIM_PREFIXES);
  const rest = prefix && fnName.startsWith(prefix) ? fnName.slice(prefix.length) : fnName;
  // A function named just `get` or `list` keeps its name.
  if (!rest) return fnName;
  return rest[0]!.toLowerCase() + rest.slice(1);
}

/** Functions whose field name starts with `_` are never exposed. */
export const isHidden = (name: string): boolean => name.startsWith("_");
