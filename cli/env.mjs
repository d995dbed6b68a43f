// @ts-check
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { BuildError } from "./errors.mjs";

/**
 * The env files `modus-edge dev` reads from the app folder, highest
 * precedence first. Modus reads `.env.<env>.local`, `.env.<env>`, `.env.local`,
 * `.env` (env `dev`, also spelled `development`), a value in an earlier file
 * winning; wrangler users keep their local secrets in `.dev.vars`, which
 * comes first. `MODUS_*` variables exported in the shell win over all files,
 * as the process environment does in Modus.
 */
export const DEV_ENV_FILES = Object.freeze([
  ".dev.vars",
  ".env.dev.local",
  ".env.dev",
  ".env.development.local",
  ".env.development",
  ".env.local",
  ".env",
]);

/** Shell variables with this prefix reach the dev Worker; the rest of the shell's environment does not. */
export const SHELL_PREFIX = "MODUS_";

/**
 * The Worker env for local development: every variable of the app folder's
 * env files, then the shell's `MODUS_*` variables over them.
 *
 * @example
 *   const { vars, files, shell } = loadDevEnv({ appDir: "functions" });
 *   // files: [".env.dev.local"], shell: ["MODUS_OPENAI_API_KEY"]
 * @param {{ appDir: string, shellEnv?: Record<string, string | undefined> }} opts
 * @returns {{ vars: Record<string, string>, files: string[], shell: string[] }}
 *   `files` and `shell` name what was read (in precedence order), never a value
 */
export function loadDevEnv({ appDir, shellEnv = process.env }) {
  /** @type {Record<string, string>} */
  const vars = {};
  const files = DEV_ENV_FILES.filter((name) => existsSync(path.join(appDir, name)));
  // Lowest precedence first, so each later assignment wins.
  for (const name of [...files].reverse()) Object.assign(vars, readEnvFile(path.join(appDir, name)));
  const shell = Object.keys(shellEnv)
    .filter((k) => k.startsWith(SHELL_PREFIX) && shellEnv[k] !== undefined)
    .sort();
  for (const k of shell) vars[k] = /** @type {string} */ (shellEnv[k]);
  return { vars, files, shell };
}

/** @param {string} file */
function readEnvFile(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new BuildError(`cannot read ${file}: ${/** @type {Error} */ (err).message}`);
  }
  return parseEnv(text);
}
