// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The root of the modus-edge package (where its node_modules and sdk/ live). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `modus-edge build` writes the Worker's inputs. */
export const defaultOutDir = path.join(packageRoot, "build");

/**
 * A path as the user reads it: relative to the working directory when under
 * it, absolute otherwise (never a climb of `../..`).
 * @param {string} p
 */
export function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith("..") || path.isAbsolute(rel) ? p : rel || ".";
}
