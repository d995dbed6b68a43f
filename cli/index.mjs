// @ts-check
import path from "node:path";
import { buildApp, BuildError } from "./build.mjs";
import { devServer } from "./dev.mjs";

const USAGE = `usage: modus-edge <command> [app]

commands:
  build [app] [--out dir]
                compile the app's AssemblyScript to build/app.wasm (app defaults to functions/)
  dev [app]     build, then serve the app at http://127.0.0.1:8686/graphql, rebuilding on change
`;

/**
 * Runs one CLI command and returns the process exit code.
 * @example await runCli(["build", "functions"])
 * @param {string[]} argv
 */
export async function runCli(argv) {
  const outAt = argv.indexOf("--out");
  const outDir = outAt >= 0 ? argv[outAt + 1] : undefined;
  const [command, app = "functions"] = outAt >= 0 ? [...argv.slice(0, outAt), ...argv.slice(outAt + 2)] : argv;
  try {
    switch (command) {
      case "build":
        await buildApp({ appDir: app, ...(outDir ? { outDir: path.resolve(outDir) } : {}) });
        return 0;
      case "dev":
        return await devServer({ appDir: app });
      case undefined:
      case "help":
      case "--help":
        process.stdout.write(USAGE);
        return command ? 0 : 2;
      default:
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
