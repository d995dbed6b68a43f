// @ts-check
import { spawn } from "node:child_process";
import path from "node:path";
import { buildApp, BuildError } from "./build.mjs";
import { packageRoot, defaultOutDir } from "./paths.mjs";
import { writeWorkerConfig } from "./worker-config.mjs";
import { watchTree } from "./watch.mjs";

export const DEV_HOST = "127.0.0.1";
export const DEV_PORT = 8686;

const WATCHED = /(\.ts|modus\.json|asconfig\.json)$/;

/**
 * Builds the app, serves it with `wrangler dev` on 127.0.0.1 offline, and
 * rebuilds when its sources or manifest change; a failed rebuild is reported
 * and the last good build keeps serving. wrangler reloads the Worker when the
 * build folder changes.
 *
 * @example await devServer({ appDir: "functions" })
 * @param {{ appDir: string, port?: number, outDir?: string }} opts
 */
export async function devServer({ appDir, port = DEV_PORT, outDir = defaultOutDir }) {
  // Unoptimized builds: Binaryen's optimizer is most of a build's time.
  await buildApp({ appDir, outDir, target: "dev" });
  const config = writeWorkerConfig(outDir, { name: "modus-edge-dev" });
  const wrangler = path.join(packageRoot, "node_modules", "wrangler", "bin", "wrangler.js");
  const child = spawn(
    process.execPath,
    // MODUS_ENV=dev: bearer-token endpoints without keys let requests through, as in Modus.
    [wrangler, "dev", "--config", config, "--ip", DEV_HOST, "--port", String(port), "--show-interactive-dev-session=false", "--var", "MODUS_ENV:dev"],
    {
      cwd: packageRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  process.stdout.write(
    `\nmodus-edge: GraphQL at http://${DEV_HOST}:${port}/graphql\n` +
      `modus-edge: explorer at http://${DEV_HOST}:${port}/explorer\n\n`,
  );

  let timer;
  let building = Promise.resolve();
  const app = path.resolve(appDir);
  // The build folder may sit inside the app; its staged copy is not a change.
  const ignore = (/** @type {string} */ full) => full === outDir || full.startsWith(outDir + path.sep);
  const stopWatching = watchTree(
    app,
    (file) => {
      if (!WATCHED.test(file)) return;
      clearTimeout(timer);
      // Builds run one at a time; a save during a build triggers one more.
      timer = setTimeout(() => (building = building.then(() => rebuild(appDir, outDir))), 50);
    },
    { ignore },
  );
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return await new Promise((resolve) => {
    child.on("exit", (code) => {
      stopWatching();
      resolve(code ?? 0);
    });
  });
}

async function rebuild(appDir, outDir) {
  const started = Date.now();
  try {
    await buildApp({ appDir, outDir, target: "dev", quiet: true });
    process.stdout.write(`modus-edge: rebuilt in ${Date.now() - started} ms\n`);
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`modus-edge: ${err.message}\n(still serving the last good build)\n`);
  }
}
