// @ts-check
import { createHash } from "node:crypto";
import path from "node:path";
import { buildApp } from "./build.mjs";
import { startDevWorker } from "./dev-worker.mjs";
import { DEV_ENV_FILES, loadDevEnv } from "./env.mjs";
import { BuildError } from "./errors.mjs";
import { displayPath, packageRoot } from "./paths.mjs";
import { usePrebuilt } from "./prebuilt.mjs";
import { writeWorkerConfig } from "./worker-config.mjs";
import { watchTree } from "./watch.mjs";

export const DEV_HOST = "127.0.0.1";
export const DEV_PORT = 8686;

const SOURCES = /(\.ts|modus\.json|asconfig\.json)$/;
const ENV_FILES = new Set(DEV_ENV_FILES);

/**
 * Builds the app (or takes a module built elsewhere, `wasm`), serves it on
 * 127.0.0.1 offline with `MODUS_ENV=dev` and the app's env (see env.mjs),
 * and rebuilds when its sources or manifest change; a failed rebuild is
 * reported and the last good build keeps serving. A change to an env file
 * restarts the Worker with the new env. Each app gets its own build folder,
 * so servers of different apps run side by side on different ports.
 *
 * @example await devServer({ appDir: "functions", port: 8687 })
 * @param {{ appDir: string, port?: number, outDir?: string, wasm?: string, inspect?: boolean }} opts
 */
export async function devServer({ appDir, port = DEV_PORT, outDir, wasm, inspect = false }) {
  const app = path.resolve(appDir);
  const out = outDir ? path.resolve(outDir) : devOutDir(app);
  // Unoptimized builds: Binaryen's optimizer is most of a build's time.
  const prepare = ({ quiet = false } = {}) =>
    wasm ? usePrebuilt({ appDir: app, wasm, outDir: out, quiet }) : buildApp({ appDir: app, outDir: out, target: "dev", quiet });
  await prepare();
  const config = writeWorkerConfig(out, { name: "modus-edge-dev" });

  const env = devEnv(app);
  const server = await startDevWorker({ config, host: DEV_HOST, port, vars: env, inspect });
  process.stdout.write(
    `\nmodus-edge: GraphQL at ${server.url}/graphql\nmodus-edge: explorer at ${server.url}/explorer\n` +
      (server.inspectorUrl ? `modus-edge: inspector at ${server.inspectorUrl}\n` : "") +
      "\n",
  );

  // Rebuilds run one at a time, in this warm process; a save during one triggers one more.
  let timer;
  let queue = Promise.resolve();
  const later = (/** @type {() => Promise<void>} */ task) => {
    clearTimeout(timer);
    timer = setTimeout(() => (queue = queue.then(task)), 50);
  };
  const rebuild = async () => {
    const started = Date.now();
    try {
      await prepare({ quiet: true });
      process.stdout.write(`modus-edge: ${wasm ? "reloaded" : "rebuilt"} in ${Date.now() - started} ms\n`);
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      process.stderr.write(`modus-edge: ${err.message}\n(still serving the last good build)\n`);
    }
  };
  const reloadEnv = async () => {
    try {
      await server.setVars(devEnv(app));
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      process.stderr.write(`modus-edge: ${err.message}\n(still serving with the previous env)\n`);
    }
  };

  // The build folder may sit inside the app; its files are not changes.
  const ignore = (/** @type {string} */ full) => full === out || full.startsWith(out + path.sep);
  const stops = [
    watchTree(
      app,
      (file) => {
        if (ENV_FILES.has(file)) later(reloadEnv);
        else if (!wasm && SOURCES.test(file)) later(rebuild);
        else if (wasm && file === "modus.json") later(rebuild);
      },
      { ignore },
    ),
  ];
  if (wasm) {
    const wasmFile = path.resolve(wasm);
    stops.push(watchTree(path.dirname(wasmFile), (file) => file === path.basename(wasmFile) && later(rebuild), { ignore }));
  }

  return await new Promise((resolve) => {
    const stop = async () => {
      stops.forEach((s) => s());
      await server.stop().catch(() => {});
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/**
 * The Worker env: the app's env files and shell `MODUS_*` variables, with
 * `MODUS_ENV=dev` (bearer-token endpoints without keys let requests through,
 * as in Modus). Prints what it read, names only.
 * @param {string} app
 */
function devEnv(app) {
  const { vars, files, shell } = loadDevEnv({ appDir: app });
  const read = [...files, ...(shell.length ? [`${shell.join(", ")} from the shell`] : [])];
  process.stdout.write(`modus-edge: env ${read.length ? `from ${read.join(", ")}` : `files: none in ${displayPath(app)}`}\n`);
  return { ...vars, MODUS_ENV: "dev" };
}

/**
 * A build folder of its own for each app, outside it: `build/dev/<app>-<hash>`
 * in this package (two apps of one name in different folders do not share).
 * @param {string} app
 */
export function devOutDir(app) {
  const hash = createHash("sha256").update(app).digest("hex").slice(0, 8);
  const name = path.basename(app).replace(/[^A-Za-z0-9_-]+/g, "-") || "app";
  return path.join(packageRoot, "build", "dev", `${name}-${hash}`);
}
