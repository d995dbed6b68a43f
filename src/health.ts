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
    // Checked at start (src/jspi.ts): without it the Worker answers 503 instead.
    jspi: true,
    // The functions served as fields: hidden `_` exports (Modus's SDK adds its
    // agent entry points to every module) are not the app's functions.
    functions: app.schema.fields.length,
  };
}
