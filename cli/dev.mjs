// @ts-check
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { buildApp, BuildError } from "./build.mjs";
import { packageRoot } from "./paths.mjs";

export const DEV_HOST = "127.0.0.1";
export const DEV_PORT = 8686;

/**
 * Builds the app, serves it with `wrangler dev` on 127.0.0.1:8686 offline,
 * and rebuilds when its sources or manifest change (a failed rebuild is
 * reported and the last good build keeps serving).
 *
 * @example await devServer({ appDir: "functions" })
 * @param {{ appDir: string, port?: number }} opts
 */
export async function devServer({ appDir, port = DEV_PORT }) {
  await buildApp({ appDir });
  const wrangler = path.join(packageRoot, "node_modules", "wrangler", "bin", "wrangler.js");
  const child = spawn(
    process.execPath,
    // MODUS_ENV=dev: bearer-token endpoints without keys let requests through, as in Modus.
    [wrangler, "dev", "--ip", DEV_HOST, "--port", String(port), "--show-interactive-dev-session=false", "--var", "MODUS_ENV:dev"],
    {
      cwd: packageRoot,
      stdio: "inherit",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  process.stdout.write(`\nmodus-edge: GraphQL at http://${DEV_HOST}:${port}/graphql\n\n`);

  let timer;
  const app = path.resolve(appDir);
  const watcher = watch(app, { recursive: true }, (_event, file) => {
    if (!file || !(file.endsWith(".ts") || file.endsWith("modus.json") || file.endsWith("asconfig.json"))) return;
    if (file.startsWith("node_modules") || file.startsWith("build")) return;
    clearTimeout(timer);
    timer = setTimeout(() => rebuild(appDir), 100);
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return await new Promise((resolve) => {
    child.on("exit", (code) => {
      watcher.close();
      resolve(code ?? 0);
    });
  });
}

async function rebuild(appDir) {
  try {
    await buildApp({ appDir });
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`modus-edge: ${err.message}\n(still serving the last good build)\n`);
  }
}
