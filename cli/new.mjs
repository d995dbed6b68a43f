// @ts-check
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BuildError } from "./build.mjs";

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), "template");

/**
 * Scaffolds a Modus app folder (package.json, asconfig.json, modus.json,
 * assembly/index.ts) that `modus-edge build` compiles as it is.
 *
 * @example newApp({ dir: "my-app" })
 * @param {{ dir: string }} opts
 */
export function newApp({ dir }) {
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).length) throw new BuildError(`${target} exists and is not empty`);
  mkdirSync(target, { recursive: true });
  cpSync(TEMPLATE, target, { recursive: true });
  // npm would drop a file named .gitignore from a published package.
  renameSync(path.join(target, "gitignore"), path.join(target, ".gitignore"));
  const name = path.basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "modus-app";
  const pkg = {
    name,
    private: true,
    type: "module",
    scripts: { build: "modus-edge build .", dev: "modus-edge dev .", deploy: "modus-edge deploy ." },
    dependencies: { "@hypermode/modus-sdk-as": "^0.18.0", "json-as": "1.1.19", "try-as": "0.2.3" },
  };
  writeFileSync(path.join(target, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  process.stdout.write(
    `modus-edge: created ${name} in ${target}\n\n` +
      `  modus-edge build ${dir}   compile it\n  modus-edge dev ${dir}     serve it at http://127.0.0.1:8686/graphql\n\n` +
      `Its model calls need MODUS_OPENAI_API_KEY: locally in the app's .env.dev.local (or .dev.vars, or exported\n` +
        `in your shell), with \`wrangler secret put\` when deployed.\n`,
  );
  return target;
}
