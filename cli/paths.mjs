// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The root of the modus-edge package (where its node_modules and sdk/ live). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `modus-edge build` writes the Worker's inputs. */
export const defaultOutDir = path.join(packageRoot, "build");
