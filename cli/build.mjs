// @ts-check
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { packageRoot, defaultOutDir, displayPath } from "./paths.mjs";
import { loadRuntimeModule } from "./runtime.mjs";
import { buildExplorer } from "./explorer.mjs";
import { composeHost } from "./host-imports.mjs";
import { BuildError } from "./errors.mjs";
import { resetTransformState } from "./transform-state.mjs";
import { meterBytes } from "./meter.mjs";
import { importMemory } from "./memory-import.mjs";
import { exportTable } from "./export-table.mjs";

export { BuildError };

const SDK_PACKAGE = "@hypermode/modus-sdk-as";
/** The transforms every app is compiled with, as Modus's app template lists them. */
const REQUIRED_TRANSFORMS = [`${SDK_PACKAGE}/transform`, "json-as/transform", "try-as/transform"];
const require = createRequire(path.join(packageRoot, "package.json"));

/**
 * Compiles a Modus app folder into `<outDir>/app.wasm` (with the metadata
 * sections) and copies its manifest to `<outDir>/modus.json`.
 *
 * @example await buildApp({ appDir: "functions" })
 * @param {{ appDir: string, outDir?: string, target?: "release" | "debug" | "dev", quiet?: boolean, meter?: boolean, poolMemory?: boolean }} opts
 *   `meter: false` skips the metering the runtime's budgets rely on (benchmarks compare against it)
 *   `poolMemory: false` leaves the memory declared by the module (tests of the runtime's path for modules built elsewhere)
 */
export async function buildApp({ appDir, outDir = defaultOutDir, target = "release", quiet = false, meter = true, poolMemory = true }) {
  const app = path.resolve(appDir);
  // Resolved now: asc later runs from inside the app folder.
  outDir = path.resolve(outDir);
  if (!existsSync(app)) throw new BuildError(`app folder not found: ${app}`);
  const manifestFile = path.join(app, "modus.json");
  if (!existsSync(manifestFile)) throw new BuildError(`modus.json not found in ${app}`);
  const entry = path.join(app, "assembly", "index.ts");
  if (!existsSync(entry)) throw new BuildError(`assembly/index.ts not found in ${app}`);

  const manifest = await readManifest(manifestFile);
  mkdirSync(outDir, { recursive: true });
  const configFile = writeEffectiveConfig(app, outDir);
  const wasmFile = path.join(outDir, "app.wasm");

  const asc = (await import("assemblyscript/asc")).default;
  const problems = [];
  // The app is compiled from a copy without its node_modules, so packages
  // resolve to the SDK, json-as and try-as this command supplies, even when
  // the app has Modus's own installed. asc joins library paths onto its base
  // directory, so it runs from that copy with every path relative to it.
  const stage = stageApp(app, outDir);
  const rel = (/** @type {string} */ p) => path.relative(stage, p) || ".";
  await resetTransformState();
  const cwd = process.cwd();
  process.chdir(stage);
  process.env.MODUS_EDGE_APP_DIR = app;
  const { error, stderr } = await withoutTransformChatter(() => asc.main(
    ["assembly/index.ts", "--config", rel(configFile), ...targetArgs(target), "--outFile", rel(wasmFile),
      "--path", rel(path.join(packageRoot, "node_modules")), "--noColors"],
    {
      stdout: quiet ? sink() : process.stdout,
      stderr: sink(),
      reportDiagnostic: (d) => {
        if (d.category !== 3 /* DiagnosticCategory.Error */) return;
        const where = d.range?.source ? `${d.range.source.normalizedPath}:${lineOf(app, d.range)}` : "";
        problems.push(`${where ? where + ": " : ""}error TS${d.code}: ${d.message}`);
      },
    },
  )).finally(() => {
    process.chdir(cwd);
    delete process.env.MODUS_EDGE_APP_DIR;
  });
  if (error) {
    const detail = problems.length ? problems.join("\n") : String(stderr).trim() || error.message;
    throw new BuildError(`build of ${displayPath(app)} failed:\n${detail}`);
  }
  await checkHostImports({ wasmFile, manifest, outDir });
  await checkEmbedders(manifestFile, manifest, wasmFile);
  const compiled = readFileSync(wasmFile);
  let bytes = compiled;
  if (meter) bytes = meterBytes(bytes, (message) => new BuildError(`${displayPath(wasmFile)} cannot be metered: ${message}`));
  // Instances then take their memory from the runtime's pool instead of reserving their own.
  if (poolMemory) bytes = importMemory(bytes);
  // Only the runtime's own exports stay exports: each instance makes one function object per export.
  bytes = exportTable(bytes);
  if (bytes !== compiled) writeFileSync(wasmFile, bytes);
  writeManifest(outDir, manifest);
  await buildExplorer({ outDir: path.join(outDir, "explorer"), quiet });
  if (!quiet) process.stdout.write(`modus-edge: built ${displayPath(wasmFile)}\n`);
  return { wasmFile };
}

// "dev": the release target without Binaryen's optimizer or debug info, the
// fastest build that still runs as deployed code does (dev rebuilds on save).
function targetArgs(target) {
  return target === "dev" ? ["--target", "release", "--optimizeLevel", "0", "--shrinkLevel", "0"] : ["--target", target];
}

/** json-as's and try-as's transforms, which narrate their work on the console. */
const CHATTY_TRANSFORMS = /[\\/]node_modules[\\/](?:json-as|try-as)[\\/]transform[\\/]/;

/**
 * Runs the compiler with the transforms' `console.log` lines dropped: they
 * narrate their work there (` |Found entry function X`, rewritten code),
 * which tells an app's author nothing. Only calls made from those transforms
 * are dropped, so whatever else logs meanwhile (the dev server's Worker)
 * still shows; asc's own output goes through the streams given to it.
 * @template T
 * @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
async function withoutTransformChatter(run) {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  for (const level of /** @type {const} */ (["log", "info", "debug"])) {
    console[level] = (...args) => {
      if (!CHATTY_TRANSFORMS.test(new Error().stack ?? "")) saved[level](...args);
    };
  }
  try {
    return await run();
  } finally {
    Object.assign(console, saved);
  }
}

/**
 * Refuses a module that imports a host function no table provides (here,
 * rather than at the Worker's first request), and writes `drivers.ts` beside
 * it with the database drivers the app's connections use.
 * @param {{ wasmFile: string, manifest: any, outDir: string }} opts
 */
export async function checkHostImports({ wasmFile, manifest, outDir }) {
  const host = await composeHost({ wasmFile, manifest, outDir });
  if (host.problems.length) {
    throw new BuildError(`${displayPath(wasmFile)} imports host functions modus-edge does not provide:\n${host.problems.join("\n")}`);
  }
}

/**
 * Writes the parsed manifest to `<outDir>/modus.json` as plain JSON, which is
 * what the Worker imports: comments and trailing commas are gone. Written
 * only when it changed: wrangler reloads the Worker on every write.
 * @param {string} outDir
 * @param {unknown} manifest
 */
export function writeManifest(outDir, manifest) {
  writeIfChanged(path.join(outDir, "modus.json"), JSON.stringify(manifest, null, 2) + "\n");
}

/**
 * @param {string} file
 * @param {string | Uint8Array} data
 */
export function writeIfChanged(file, data) {
  if (existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(data)) === 0) return;
  writeFileSync(file, data);
}

/**
 * Copies the app's sources to `<outDir>/.asc/app`: not node_modules, build
 * output, or the env files that hold local secrets (the compiler never reads them).
 */
function stageApp(app, outDir) {
  const stage = path.join(outDir, ".asc", "app");
  rmSync(stage, { recursive: true, force: true });
  const skip = new Set(["node_modules", "build", ".git", ".dev.vars"]);
  mkdirSync(stage, { recursive: true });
  // Entry by entry: the output folder may sit inside the app, and must not be copied into itself.
  for (const entry of readdirSync(app)) {
    const src = path.join(app, entry);
    if (skip.has(entry) || /^\.env(\.|$)/.test(entry) || outDir === src || outDir.startsWith(src + path.sep)) continue;
    cpSync(src, path.join(stage, entry), { recursive: true });
  }
  return stage;
}

/**
 * The app's asconfig.json, with its SDK reference pointed at our SDK and its
 * transforms resolved from this package, so an app needs no node_modules.
 */
function writeEffectiveConfig(app, outDir) {
  const own = path.join(app, "asconfig.json");
  const config = existsSync(own) ? JSON.parse(readFileSync(own, "utf8")) : {};
  const sdkDir = realpathSync(path.dirname(require.resolve(`${SDK_PACKAGE}/package.json`)));
  let base = path.join(sdkDir, "plugin.asconfig.json");
  if (config.extends && !config.extends.includes(SDK_PACKAGE)) base = path.resolve(app, config.extends);
  const options = { ...config.options };
  // Not optional, and in Modus's order: the runtime cannot serve a module
  // without the metadata, and the SDK's own classes need json-as's
  // serializers and try-as's exceptions. The app's other transforms follow.
  const listed = [].concat(options.transform ?? []);
  const transforms = [...REQUIRED_TRANSFORMS, ...listed.filter((t) => !REQUIRED_TRANSFORMS.includes(t))];
  options.transform = transforms.map((t) => resolveTransform(t, app));
  const dir = path.join(outDir, ".asc");
  const effective = { ...config, extends: path.relative(dir, base), options };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "asconfig.json");
  writeFileSync(file, JSON.stringify(effective, null, 2));
  return file;
}

function resolveTransform(name, app) {
  if (name.startsWith(".")) return path.resolve(app, name);
  try {
    return require.resolve(name);
  } catch {
    throw new BuildError(`transform "${name}" named in asconfig.json is not available`);
  }
}

/**
 * Reads and validates a modus.json (JSON with comments and trailing commas)
 * with the Worker's own rules; a problem is a BuildError naming the file.
 * @param {string} file
 */
export async function readManifest(file) {
  const { parseManifest, ManifestError } = await loadRuntimeModule();
  try {
    return parseManifest(readFileSync(file, "utf8"));
  } catch (err) {
    if (err instanceof ManifestError) throw new BuildError(`${displayPath(file)} is not valid:\n${err.message}`);
    throw err;
  }
}

/**
 * The functions modus.json's collections name as embedders must be exported
 * with an embedder's signature: checked as the Worker checks them at start,
 * so a mistake is a build error naming the JSON path.
 * @param {string} manifestFile
 * @param {any} manifest
 * @param {string} wasmFile
 */
export async function checkEmbedders(manifestFile, manifest, wasmFile) {
  if (!manifest.collections) return;
  const { readMetadata, embedderProblems } = await loadRuntimeModule();
  const problems = embedderProblems(manifest, readMetadata(new WebAssembly.Module(readFileSync(wasmFile))).fnExports);
  if (problems.length) {
    const lines = problems.map((/** @type {{ path: string, message: string }} */ p) => `${p.path}: ${p.message}`);
    throw new BuildError(`${displayPath(manifestFile)} does not fit the app:\n${lines.join("\n")}`);
  }
}

/** `line:column` of a diagnostic in an app file, as editors link it. */
function lineOf(app, range) {
  const file = path.join(app, range.source.normalizedPath);
  if (!existsSync(file)) return "?";
  const before = readFileSync(file, "utf8").slice(0, range.start);
  const line = before.split("\n").length;
  return `${line}:${range.start - before.lastIndexOf("\n")}`;
}

function sink() {
  const chunks = [];
  return { write: (c) => void chunks.push(String(c)), toString: () => chunks.join("") };
}
