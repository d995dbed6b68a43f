// @ts-check
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkEmbedders, checkHostImports, readManifest, writeIfChanged, writeManifest } from "./build.mjs";
import { BuildError } from "./errors.mjs";
import { buildExplorer } from "./explorer.mjs";
import { defaultOutDir, displayPath } from "./paths.mjs";
import { loadRuntimeModule } from "./runtime.mjs";
import { meterBytes } from "./meter.mjs";

/**
 * Takes a module built elsewhere (by Modus's SDK and `modus build`, by ours,
 * any target) in place of a build: checks it as the Worker will at start
 * (the metadata sections, a schema it can serve) and puts it with the app's
 * modus.json, as plain JSON, in the build folder.
 *
 * @example await usePrebuilt({ appDir: "my-app", wasm: "my-app/build/my-app.wasm", outDir: "/tmp/out" })
 * @param {{ appDir: string, wasm: string, outDir?: string, quiet?: boolean }} opts
 */
export async function usePrebuilt({ appDir, wasm, outDir = defaultOutDir, quiet = false }) {
  const app = path.resolve(appDir);
  const wasmFile = path.resolve(wasm);
  outDir = path.resolve(outDir);
  if (!existsSync(app)) throw new BuildError(`app folder not found: ${app}`);
  const manifestFile = path.join(app, "modus.json");
  if (!existsSync(manifestFile)) throw new BuildError(`modus.json not found in ${app}`);
  if (!existsSync(wasmFile)) throw new BuildError(`--wasm: ${displayPath(wasmFile)} not found`);

  const manifest = await readManifest(manifestFile);
  const bytes = readFileSync(wasmFile);
  const about = await checkModule(bytes, wasmFile, manifest);
  await checkEmbedders(manifestFile, manifest, wasmFile);
  mkdirSync(outDir, { recursive: true });
  await checkHostImports({ wasmFile, manifest, outDir });
  // Metered as a build is (cli/meter.mjs): the Worker serves only metered modules.
  writeIfChanged(path.join(outDir, "app.wasm"), meterBytes(bytes, (reason) => new BuildError(`--wasm: ${displayPath(wasmFile)} cannot be metered: ${reason}`)));
  writeManifest(outDir, manifest);
  await buildExplorer({ outDir: path.join(outDir, "explorer"), quiet: true });
  if (!quiet) process.stdout.write(`modus-edge: using ${displayPath(wasmFile)} (${about}) with ${displayPath(manifestFile)}\n`);
  return { wasmFile: path.join(outDir, "app.wasm") };
}

/**
 * "<app> built by <sdk>, <n> functions", or a BuildError naming the file
 * when the bytes are no module, carry no Modus metadata, or hold a function
 * whose types have no GraphQL form.
 * @param {Uint8Array} bytes
 * @param {string} file
 * @param {any} manifest
 */
async function checkModule(bytes, file, manifest) {
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (err) {
    throw new BuildError(`--wasm: ${displayPath(file)} is not a WebAssembly module (${/** @type {Error} */ (err).message})`);
  }
  const { readMetadata, generateSchema } = await loadRuntimeModule();
  try {
    const metadata = readMetadata(module);
    const { fields } = generateSchema(metadata, manifest);
    return `${metadata.plugin || "app"} built by ${metadata.sdk || "an unknown SDK"}, ${fields.length} functions`;
  } catch (err) {
    throw new BuildError(`--wasm: ${displayPath(file)} cannot be served: ${/** @type {Error} */ (err).message}`);
  }
}
