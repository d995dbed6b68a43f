// @ts-check
import { readdirSync, statSync, watch } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", "build", ".git"]);

/**
 * Calls `onChange(relativePath)` when a file under `root` is written,
 * created, renamed or removed. Each directory is watched on its own:
 * a directory's watch survives editors that save by renaming a new file over
 * the old one, where a watch on the file itself would go stale.
 *
 * @example const stop = watchTree("functions", (file) => console.log(file));
 * @param {string} root
 * @param {(file: string) => void} onChange
 * @param {{ ignore?: (absolutePath: string) => boolean }} [opts]
 * @returns {() => void} stops watching
 */
export function watchTree(root, onChange, { ignore = () => false } = {}) {
  /** @type {Map<string, import("node:fs").FSWatcher>} */
  const watchers = new Map();
  const add = (/** @type {string} */ dir) => {
    if (watchers.has(dir) || ignore(dir)) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    watchers.set(
      dir,
      watch(dir, (_event, name) => {
        if (!name) return;
        const full = path.join(dir, name.toString());
        if (ignore(full)) return;
        // A new folder gets its own watch.
        try {
          if (statSync(full).isDirectory()) add(full);
        } catch {
          // removed: nothing to watch
        }
        onChange(path.relative(root, full));
      }),
    );
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name)) add(path.join(dir, e.name));
  };
  add(path.resolve(root));
  return () => watchers.forEach((w) => w.close());
}
