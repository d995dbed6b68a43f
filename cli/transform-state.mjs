// @ts-check
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "./paths.mjs";

const require = createRequire(path.join(packageRoot, "package.json"));

/**
 * Clears what json-as's and try-as's transforms keep at module level from one
 * compile to the next (the classes, sources and functions they have seen).
 * Without this, a second build in the same process skips every class the
 * first one saw and leaves its JSON serializers out of the module. The
 * modules are the ones asc loads (the same resolved files), so this reaches
 * the state it will use. Rebuilding in a fresh process instead would pay the
 * compiler's cold start on every save, several times the rebuild itself.
 *
 * @example await resetTransformState(); await asc.main([...]);
 */
export async function resetTransformState() {
  const jsonAs = await import(pathToFileURL(require.resolve("json-as/transform")).href);
  jsonAs.JSONTransform.SN = new jsonAs.JSONTransform();
  const tryAsLib = path.dirname(require.resolve("try-as/transform"));
  const { Globals } = await import(pathToFileURL(path.join(tryAsLib, "globals", "globals.js")).href);
  Object.assign(Globals, {
    sources: new Map(),
    callStack: new Set(),
    refStack: new Set(),
    foundException: false,
    lastTry: null,
    methods: [],
    lastFn: null,
    parentFn: null,
  });
  const { indent } = await import(pathToFileURL(path.join(tryAsLib, "globals", "indent.js")).href);
  indent.value = "";
}
