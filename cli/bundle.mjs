// @ts-check
import { packageRoot } from "./paths.mjs";

/**
 * Bundles some of the runtime's own TypeScript with esbuild and imports the
 * result, so a command checks with exactly the code the Worker runs.
 *
 * @example const { readMetadata } = await importBundle({ entryPoints: ["src/metadata/read.ts"] });
 * @param {import("esbuild").BuildOptions} options entry (or stdin) of the bundle
 * @returns {Promise<any>}
 */
export async function importBundle(options) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: packageRoot,
    bundle: true,
    format: "esm",
    platform: "node",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
    ...options,
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}
