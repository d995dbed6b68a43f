// @ts-check
// One build in a fresh process (see isolated-build.mjs): loads the compiler
// at once, then waits for the build's options from its parent.
import { buildApp } from "./build.mjs";
import { BuildError } from "./errors.mjs";

await import("assemblyscript/asc");
process.once("message", async (/** @type {any} */ opts) => {
  let reply;
  try {
    reply = { ok: true, ...(await buildApp(opts)) };
  } catch (err) {
    const user = err instanceof BuildError;
    reply = { ok: false, user, message: user ? err.message : String(/** @type {Error} */ (err)?.stack ?? err) };
  }
  process.send?.(reply, () => process.disconnect());
});
