// @ts-check
import path from "node:path";
import { packageRoot } from "./paths.mjs";
import { importBundle } from "./bundle.mjs";

/**
 * The runtime's own TypeScript modules the command needs, bundled on the fly
 * so it checks with exactly the rules the Worker applies at start: modus.json
 * validation, and the metadata reader and schema generator that decide
 * whether a module can be served.
 *
 * @returns {Promise<{
 *   parseManifest(text: string): any,
 *   ManifestError: new (...a: any[]) => Error & { problems: { path: string, message: string }[] },
 *   graphqlEndpoints(manifest: any): { name: string, path: string, auth: string }[],
 *   requiredSecrets(manifest: any): { variable: string }[],
 *   hyperdriveBindingName(connection: string): string,
 *   readMetadata(module: WebAssembly.Module): any,
 *   generateSchema(metadata: any, manifest?: any): { sdl: string, fields: unknown[] },
 *   embedderProblems(manifest: any, fnExports: any): { path: string, message: string }[],
 * }>}
 */
export function loadRuntimeModule() {
  // Bundled once per process: dev rebuilds reuse it.
  loaded ??= bundleRuntimeModule();
  return loaded;
}

/** @type {Promise<any> | undefined} */
let loaded;

function bundleRuntimeModule() {
  const src = (/** @type {string} */ file) => JSON.stringify(path.join(packageRoot, "src", file));
  return importBundle({
    stdin: {
      contents: [
        `export * from ${src("manifest/index.ts")};`,
        `export { readMetadata } from ${src("metadata/read.ts")};`,
        `export { generateSchema } from ${src("schema/generate.ts")};`,
      ].join("\n"),
      resolveDir: packageRoot,
      loader: "ts",
    },
  });
}
