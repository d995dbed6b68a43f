// @ts-check
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BuildError } from "./errors.mjs";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "build-child.mjs");

/**
 * Runs builds each in a fresh Node process. json-as's and try-as's
 * transforms keep module state (the classes and sources they have seen) that
 * a second compile in the same process inherits, and then leave serializers
 * out of the module. With `warm`, the next process is started ahead, its
 * compiler loaded, so a rebuild does not wait for it.
 *
 * @example
 *   const builder = isolatedBuilder({ warm: true });
 *   await builder.build({ appDir: "functions", outDir: "/tmp/out", target: "dev", quiet: true });
 *   builder.close();
 * @param {{ warm?: boolean }} [opts]
 */
export function isolatedBuilder({ warm = false } = {}) {
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let next = warm ? start() : undefined;
  return {
    /** @param {{ appDir: string, outDir?: string, target?: string, quiet?: boolean }} opts */
    async build(opts) {
      const child = next ?? start();
      next = warm ? start() : undefined;
      return await run(child, opts);
    },
    close() {
      next?.kill();
      next = undefined;
    },
  };
}

function start() {
  // Without the parent's node flags (--input-type and the like would break the child).
  return fork(CHILD, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: [] });
}

/**
 * @param {import("node:child_process").ChildProcess} child
 * @param {object} opts
 * @returns {Promise<{ wasmFile: string }>}
 */
function run(child, opts) {
  return new Promise((resolve, reject) => {
    /** @type {any} */
    let reply;
    child.once("message", (m) => (reply = m));
    child.once("exit", (code) => {
      if (!reply) reject(new Error(`the build process exited with code ${code} before it finished`));
      else if (reply.ok) resolve({ wasmFile: reply.wasmFile });
      else reject(reply.user ? new BuildError(reply.message) : new Error(reply.message));
    });
    child.send(opts);
  });
}
