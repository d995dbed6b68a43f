// @ts-check
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot, defaultOutDir, displayPath } from "./paths.mjs";

const SOURCE = path.join(packageRoot, "explorer");
const OUTPUTS = ["index.html", "explorer.js", "explorer.css"];
const CACHE = path.join(packageRoot, "node_modules", ".cache", "modus-edge", "explorer");

/**
 * Bundles the explorer page (GraphiQL, React) into static files for the
 * Worker's assets: `index.html`, `explorer.js`, `explorer.css`. Everything is
 * local; a URL the browser would fetch from elsewhere fails the build.
 * Skipped when the files are newer than the page's sources and packages, so
 * `modus-edge dev` rebuilds stay fast.
 *
 * @example await buildExplorer({ outDir: "build/explorer" })
 * @param {{ outDir?: string, quiet?: boolean }} [opts]
 */
export async function buildExplorer({ outDir = path.join(defaultOutDir, "explorer"), quiet = false } = {}) {
  if (upToDate(outDir)) return { outDir };
  // Every build folder gets a copy of one cached bundle: bundling GraphiQL
  // takes tens of seconds, and the page does not depend on the app.
  if (path.resolve(outDir) !== CACHE) {
    await buildExplorer({ outDir: CACHE, quiet: true });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const f of OUTPUTS) copyFileSync(path.join(CACHE, f), path.join(outDir, f));
    if (!quiet) process.stdout.write(`modus-edge: built ${displayPath(outDir)}/ (explorer)\n`);
    return { outDir };
  }
  const esbuild = await import("esbuild");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: { explorer: path.join(SOURCE, "main.tsx") },
    outdir: outDir,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    jsx: "automatic",
    // Fonts and images stay inline in the CSS, as GraphiQL ships them.
    loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl", ".png": "dataurl" },
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(path.join(SOURCE, "index.html"), path.join(outDir, "index.html"));
  const remote = remoteUrls(outDir);
  if (remote.length) throw new Error(`the explorer would load from the network:\n${remote.join("\n")}`);
  if (!quiet) process.stdout.write(`modus-edge: built ${displayPath(outDir)}/ (explorer)\n`);
  return { outDir };
}

function upToDate(outDir) {
  const inputs = [
    ...readdirSync(SOURCE).map((f) => path.join(SOURCE, f)),
    path.join(packageRoot, "cli", "explorer.mjs"),
    path.join(packageRoot, "node_modules", ".package-lock.json"),
  ].filter(existsSync);
  const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  return OUTPUTS.every((f) => existsSync(path.join(outDir, f)) && statSync(path.join(outDir, f)).mtimeMs >= newest);
}

/**
 * `file: url` for each absolute URL the browser would fetch on its own: CSS
 * `url()`/`@import` and HTML `src`/`href`. Plain strings in the code (links
 * in docs, error messages) are not requests.
 */
export function remoteUrls(dir) {
  const found = [];
  const patterns = [/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/g, /@import\s+["']((?:https?:)?\/\/[^"']+)/g, /(?:src|href)=["']((?:https?:)?\/\/[^"']+)/g];
  for (const name of readdirSync(dir)) {
    if (!/\.(css|html)$/.test(name)) continue;
    const text = readFileSync(path.join(dir, name), "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) found.push(`${name}: ${m[1]}`);
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildExplorer();
