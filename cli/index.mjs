// @ts-check
import path from "node:path";
import { buildApp, BuildError } from "./build.mjs";
import { devServer } from "./dev.mjs";
import { deployApp } from "./deploy.mjs";
import { newApp } from "./new.mjs";

const USAGE = `usage: modus-edge <command> [app] [options]

commands:
  build [app] [--out dir] [--target release|debug]
                            compile the app's AssemblyScript (app defaults to functions/)
  dev [app] [--port n] [--out dir] [--wasm file] [--inspect]
                            build, serve at http://127.0.0.1:8686/graphql, rebuild on change;
                            env from the app's .dev.vars / .env* files and MODUS_* shell variables
  deploy [app] [--out dir] [--wasm file] [-- args]
                            build, then wrangler deploy (args pass through, e.g. -- --dry-run)
  new <dir>                 scaffold a Modus app folder

  --wasm file               serve or deploy a module built elsewhere (Modus's SDK, any target)
                            with the app's modus.json, instead of building the app
  --inspect                 attach a devtools inspector to the dev server (off by default)
`;

/** Options that take no value, and those that take one. */
const FLAGS = new Set(["inspect", "help"]);
const VALUED = new Set(["out", "port", "wasm", "target"]);

/**
 * Splits argv into the command, its positional arguments, `--name value`
 * options, and everything after `--` (passed through to wrangler).
 * @param {string[]} argv
 */
function parseArgs(argv) {
  const dash = argv.indexOf("--");
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  /** @type {Record<string, string>} */
  const options = {};
  const positional = [];
  for (let i = 0; i < own.length; i++) {
    const arg = own[i];
    if (arg.startsWith("--") && arg.length > 2) {
      const name = arg.slice(2);
      if (!FLAGS.has(name) && !VALUED.has(name)) throw new BuildError(`unknown option ${arg} (see modus-edge help)`);
      const value = FLAGS.has(name) ? "true" : own[++i];
      if (value === undefined || value.startsWith("--")) throw new BuildError(`${arg} needs a value`);
      options[name] = value;
    } else positional.push(arg);
  }
  return { command: positional[0], args: positional.slice(1), options, rest: dash >= 0 ? argv.slice(dash + 1) : [] };
}

/**
 * Runs one CLI command and returns the process exit code.
 * @example await runCli(["build", "functions"])
 * @param {string[]} argv
 */
export async function runCli(argv) {
  try {
    const { command, args, options, rest } = parseArgs(argv);
    const app = args[0] ?? "functions";
    switch (command) {
      case "build":
        await buildApp({
          appDir: app,
          ...(options.out ? { outDir: path.resolve(options.out) } : {}),
          ...(options.target ? { target: targetOf(options.target) } : {}),
        });
        return 0;
      case "dev":
        return await devServer({
          appDir: app,
          ...(options.port ? { port: portOf(options.port) } : {}),
          ...(options.out ? { outDir: path.resolve(options.out) } : {}),
          ...(options.wasm ? { wasm: options.wasm } : {}),
          inspect: options.inspect === "true",
        });
      case "deploy":
        return await deployApp({
          appDir: app,
          wranglerArgs: rest,
          ...(options.out ? { outDir: path.resolve(options.out) } : {}),
          ...(options.wasm ? { wasm: options.wasm } : {}),
        });
      case "new":
        if (!args[0]) throw new BuildError("new needs a folder: modus-edge new <dir>");
        newApp({ dir: args[0] });
        return 0;
      case undefined:
      case "help":
        process.stdout.write(USAGE);
        return command || options.help ? 0 : 2;
      default:
        if (options.help !== undefined || command === "--help") {
          process.stdout.write(USAGE);
          return 0;
        }
        process.stderr.write(`modus-edge: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof BuildError) {
      process.stderr.write(`modus-edge: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** @param {string} text */
function portOf(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new BuildError(`--port: "${text}" is not a port number (1-65535)`);
  return port;
}

/** @param {string} text */
function targetOf(text) {
  if (text !== "release" && text !== "debug") throw new BuildError(`--target: "${text}" is not a target (release or debug)`);
  return text;
}
