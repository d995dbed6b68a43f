// @ts-check
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "./paths.mjs";

/**
 * The Durable Object classes every modus-edge Worker exports, their bindings
 * and migrations, from src/durable-objects.json (which the Worker reads too).
 * @returns {{ classes: { binding: string, className: string }[], migrations: { tag: string, new_sqlite_classes?: string[] }[] }}
 */
export function durableObjectsConfig() {
  return JSON.parse(readFileSync(path.join(packageRoot, "src", "durable-objects.json"), "utf8"));
}

/**
 * The lines a generated Worker entry adds to export the classes (after its
 * `wasm`, `manifest` and `drivers` imports).
 *
 * @example durableObjectExportLines('"/repo/src/durable-objects.ts"')
 * @param {string} modulePath the JSON-quoted path of src/durable-objects.ts
 */
export function durableObjectExportLines(modulePath) {
  const names = durableObjectsConfig().classes.map((c) => c.className);
  return [`import { durableObjects } from ${modulePath};`, "", `export const { ${names.join(", ")} } = durableObjects(wasm, manifest, { sql: drivers });`];
}

/** The `durable_objects` and `migrations` entries of a wrangler config. */
export function durableObjectsWranglerConfig() {
  const { classes, migrations } = durableObjectsConfig();
  return {
    durable_objects: { bindings: classes.map((c) => ({ name: c.binding, class_name: c.className })) },
    migrations,
  };
}
