// @ts-check
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { packageRoot, defaultOutDir } from "./paths.mjs";
import { loadManifestModule } from "./manifest.mjs";
import { buildExplorer } from "./explorer.mjs";
import { composeHost } from "./host-imports.mjs";

/** A build failure the user caused: its message is shown without a stack. */
export class BuildError extends Error {}

const SDK_PACKAGE = "@hypermode/modus-sdk-as";
const require = createRequire(path.join(packageRoot, "package.json"));

/**
 * Compiles a Modus app folder into `<outDir>/app.wasm` (with the metadata
 * sections) and copies its manifest to `<outDir>/modus.json`.
 *
 * @example await buildApp({ appDir: "functions" })
 * @param {{ appDir: string, outDir?: string, target?: "release" | "debug" | "dev", quiet?: boolean }} opts
 */
export async function buildApp({ appDir, outDir = defaultOutDir, target = "release", quiet = false }) {
  const app = path.resolve(appDir);
  // Resolved now: asc later runs from inside the app folder.
  outDir = path.resolve(outDir);
  if (!existsSync(app)) throw new BuildError(`app folder not found: ${app}`);
  const manifestFile = path.join(app, "modus.json");
  if (!existsSync(manifestFile)) throw new BuildError(`modus.json not found in ${app}`);
  const entry = path.join(app, "assembly", "index.ts");
  if (!existsSync(entry)) throw new BuildError(`assembly/index.ts not found in ${app}`);

  const manifest = await validManifest(manifestFile);
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
  const cwd = process.cwd();
  process.chdir(stage);
  process.env.MODUS_EDGE_APP_DIR = app;
  const { error, stderr } = await asc.main(
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
  ).finally(() => {
    process.chdir(cwd);
    delete process.env.MODUS_EDGE_APP_DIR;
  });
  if (error) {
    const detail = problems.length ? problems.join("\n") : String(stderr).trim() || error.message;
    throw new BuildError(`build of ${displayPath(app)} failed:\n${detail}`);
  }
  // Refused here rather than at the Worker's first request: an import no host table provides.
  const host = await composeHost({ wasmFile, manifest, outDir });
  if (host.problems.length) {
    throw new BuildError(`${displayPath(wasmFile)} imports host functions modus-edge does not provide:\n${host.problems.join("\n")}`);
  }
  // Comments and trailing commas are gone: the Worker imports plain JSON.
  // Written only when it changed: wrangler dev reloads the Worker on every write.
  writeIfChanged(path.join(outDir, "modus.json"), JSON.stringify(manifest, null, 2) + "\n");
  await buildExplorer({ outDir: path.join(outDir, "explorer"), quiet });
  if (!quiet) process.stdout.write(`modus-edge: built ${path.relative(process.cwd(), wasmFile)}\n`);
  return { wasmFile };
}

// "dev": the release target without Binaryen's optimizer or debug info, the
// fastest build that still runs as deployed code does (dev rebuilds on save).
function targetArgs(target) {
  return target === "dev" ? ["--target", "release", "--optimizeLevel", "0", "--shrinkLevel", "0"] : ["--target", target];
}

function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  writeFileSync(file, text);
}

/** Copies the app's sources (not node_modules or build output) to `<outDir>/.asc/app`. */
function stageApp(app, outDir) {
  const stage = path.join(outDir, ".asc", "app");
  rmSync(stage, { recursive: true, force: true });
  const skip = new Set(["node_modules", "build", ".git"]);
  mkdirSync(stage, { recursive: true });
  // Entry by entry: the output folder may sit inside the app, and must not be copied into itself.
  for (const entry of readdirSync(app)) {
    const src = path.join(app, entry);
    if (skip.has(entry) || outDir === src || outDir.startsWith(src + path.sep)) continue;
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
  // The metadata transform is not optional: the runtime cannot serve a module without it.
  const transforms = [].concat(options.transform ?? []);
  if (!transforms.includes(`${SDK_PACKAGE}/transform`)) transforms.unshift(`${SDK_PACKAGE}/transform`);
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

async function validManifest(file) {
  const { parseManifest, ManifestError } = await loadManifestModule();
  try {
    return parseManifest(readFileSync(file, "utf8"));
  } catch (err) {
    if (err instanceof ManifestError) throw new BuildError(`${displayPath(file)} is not valid:\n${err.message}`);
    throw err;
  }
}

function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith("..") ? p : rel || ".";
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
