// @ts-check
import { createServer } from "node:net";
import path from "node:path";
import { BuildError } from "./errors.mjs";

/** Variables that are plain settings, shown as they are in wrangler's bindings table; every other value is hidden. */
const PLAIN = new Set(["MODUS_ENV", "MODUS_EXPLORER"]);

/**
 * Serves a build folder's Worker (its wrangler.json, see worker-config.mjs)
 * with wrangler's dev server on `host:port`, offline, reloading when a file
 * of the folder changes. The env goes in as bindings held in this process's
 * memory: a secret is never written to a file or put on a command line.
 * No debugger is attached unless `inspect`: an inspector slows Wasm down,
 * and each one takes a port (two at once collided on 9229).
 *
 * @example
 *   const server = await startDevWorker({ config: "/tmp/out/wrangler.json", port: 8686, vars: { MODUS_ENV: "dev" } });
 *   await server.stop();
 * @param {{ config: string, host?: string, port: number, vars: Record<string, string>, inspect?: boolean }} opts
 */
export async function startDevWorker({ config, host = "127.0.0.1", port, vars, inspect = false }) {
  // Offline and quiet: no metrics, no fetch of the `cf` object, and never the
  // whole shell environment as bindings.
  Object.assign(process.env, {
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    CLOUDFLARE_INCLUDE_PROCESS_ENV: "false",
  });
  // workerd would die with a stack dump on a taken port: say it plainly first.
  await assertPortFree(host, port);
  const { unstable_startWorker } = await import("wrangler");
  const outDir = path.dirname(config);
  let worker;
  try {
    worker = await unstable_startWorker({
      config,
      // A file that is never there: wrangler then reads neither a .dev.vars
      // nor a .env of the build folder, and the env is only `vars`.
      envFiles: [path.join(outDir, ".env.none")],
      bindings: bindingsOf(vars),
      dev: {
        server: { hostname: host, port },
        inspector: inspect ? { hostname: host } : false,
        persist: path.join(outDir, ".wrangler", "state"),
        watch: true,
        logLevel: "log",
      },
    });
    await worker.ready;
  } catch (err) {
    await worker?.dispose().catch(() => {});
    throw err;
  }
  const inspector = inspect ? await worker.inspectorUrl : undefined;
  return {
    url: `http://${host}:${port}`,
    /** The devtools address, when `inspect`. */
    inspectorUrl: inspector ? String(inspector) : undefined,
    /** Replaces the env (after an env file changed); the Worker restarts with it. */
    setVars: (/** @type {Record<string, string>} */ next) => worker.patchConfig({ bindings: bindingsOf(next) }),
    stop: () => worker.dispose(),
  };
}

/** @param {Record<string, string>} vars */
function bindingsOf(vars) {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, { type: PLAIN.has(name) ? "plain_text" : "secret_text", value }]),
  );
}

/**
 * @param {string} host
 * @param {number} port
 */
function assertPortFree(host, port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err) => {
      const code = /** @type {NodeJS.ErrnoException} */ (err).code;
      reject(code === "EADDRINUSE" ? new BuildError(`port ${port} on ${host} is in use: pick another with --port`) : err);
    });
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}
