// @ts-check
import path from "node:path";
import { packageRoot } from "./paths.mjs";

/**
 * The runtime's manifest module (TypeScript), bundled on the fly so the build
 * validates modus.json with exactly the rules the Worker applies at start.
 *
 * @returns {Promise<{ parseManifest(text: string): unknown, ManifestError: new (...a: any[]) => Error & { problems: { path: string, message: string }[] } }>}
 */
export function loadManifestModule() {
  // Bundled once per process: dev rebuilds reuse it.
  loaded ??= bundleManifestModule();
  return loaded;
}

/** @type {Promise<any> | undefined} */
let loaded;

async function bundleManifestModule() {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(packageRoot, "src", "manifest", "index.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}
