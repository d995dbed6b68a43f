/** One thing wrong with `modus.json`: where (a JSON path such as `connections.openai.baseUrl`) and what. */
export interface ManifestProblem {
  path: string;
  message: string;
}

/**
 * Every problem found in a `modus.json`, one line each as `<path>: <message>`;
 * a problem of the whole document has the path `modus.json`.
 *
 * @example
 * try { parseManifest(text) } catch (e) { if (e instanceof ManifestError) console.error(e.message) }
 * // connections.openai.baseUrl: must end with "/"
 */
export class ManifestError extends Error {
  override readonly name = "ManifestError";
  constructor(readonly problems: readonly ManifestProblem[]) {
    super(problems.map((p) => `${p.path || "modus.json"}: ${p.message}`).join("\n"));
  }
}

export type PathSegment = string | number;

const BARE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a JSON path the way JavaScript would: dots between plain keys,
 * `[0]` for array indexes, `["odd key"]` for anything else.
 *
 * @example formatPath(["connections", "my-api", "headers", "X-Key"]) // 'connections["my-api"].headers["X-Key"]'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
