import { CROSS_RULES } from "./cross";
import { ManifestError, formatPath, type ManifestProblem } from "./errors";
import { parseJsonc } from "./jsonc";
import { isObject } from "./rules";
import { MANIFEST } from "./schema";
import type { Manifest } from "./types";

/**
 * Every problem with an already-parsed modus.json value: the schema's rules
 * in document order, then the rules across sections. Empty when valid.
 *
 * @example validateManifest({ endpoints: { a: { type: "graphql", path: "graphql", auth: "none" } } })
 * // [{ path: "endpoints.a.path", message: 'must start with "/"' }]
 */
export function validateManifest(value: unknown): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  MANIFEST(value, [], (path, message) => problems.push({ path: formatPath(path), message }));
  if (isObject(value)) for (const rule of CROSS_RULES) problems.push(...rule(value));
  return problems;
}

/**
 * Parses and validates the text of modus.json (JSON with comments and
 * trailing commas). Throws one ManifestError listing every problem.
 *
 * @example parseManifest(await readFile("modus.json", "utf8")).connections?.openai
 */
export function parseManifest(text: string): Manifest {
  const { value, problems } = parseJsonc(text);
  if (value === undefined) throw new ManifestError(problems);
  problems.push(...validateManifest(value));
  if (problems.length) throw new ManifestError(problems);
  return value as Manifest;
}
