// @ts-check
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * Gives json-as's transform a fresh start for this compilation. It keeps the
 * classes it has processed in a process-wide singleton, so a second build in
 * one process (a `modus-edge dev` rebuild, several fixture builds) would skip
 * every `@json` class it saw before, and the new module could not serialize
 * them ("Could not serialize data of type ..."). Runs in our afterParse,
 * which comes before json-as's (our transform is always first).
 *
 * @example await resetJsonAs(); // in a transform's afterParse
 */
export async function resetJsonAs() {
  let file;
  try {
    file = createRequire(import.meta.url).resolve("json-as/transform");
  } catch {
    return; // json-as is not installed: nothing to reset.
  }
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.JSONTransform === "function" && "SN" in mod.JSONTransform) mod.JSONTransform.SN = new mod.JSONTransform();
}
