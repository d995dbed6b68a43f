import pkg from "../package.json";
import type { LoadedApp } from "./load";

/**
 * The body of `GET /health`: status, the app and its build, the runtime.
 *
 * @example health(loaded) // { status: "ok", app: "modus-edge-example", buildId: "…", … }
 */
export function health(app: LoadedApp) {
  const m = app.metadata;
  return {
    status: "ok",
    app: m.plugin,
    sdk: m.sdk,
    buildId: m.buildId,
    buildTs: m.buildTs,
    ...(m.gitCommit ? { gitCommit: m.gitCommit } : {}),
    runtime: `${pkg.name}@${pkg.version}`,
    // The app's own functions, not the SDK's `_modus_` entry points every module exports.
    functions: Object.keys(m.fnExports).filter((name) => !name.startsWith("_")).length,
  };
}
