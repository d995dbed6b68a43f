// @ts-check
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildApp } from "./build.mjs";
import { usePrebuilt } from "./prebuilt.mjs";
import { writeWorkerConfig } from "./worker-config.mjs";
import { loadRuntimeModule } from "./runtime.mjs";
import { packageRoot, defaultOutDir } from "./paths.mjs";

/**
 * Builds the app (or takes a module built elsewhere, `wasm`, with the app's
 * modus.json) and runs `wrangler deploy` on it (extra arguments, such as
 * `--dry-run --outdir dist`, pass through). Before deploying it says which
 * secrets the Worker needs, and warns when a bearer-token endpoint would
 * refuse every request for lack of keys.
 *
 * The Worker is the build folder's own (see worker-config.mjs), so any
 * `outDir` deploys.
 *
 * @example await deployApp({ appDir: "functions", wranglerArgs: ["--dry-run"] })
 * @param {{ appDir: string, wasm?: string, outDir?: string, wranglerArgs?: string[] }} opts
 */
export async function deployApp({ appDir, wasm, outDir = defaultOutDir, wranglerArgs = [] }) {
  if (wasm) await usePrebuilt({ appDir, wasm, outDir });
  else await buildApp({ appDir, outDir });
  const config = writeWorkerConfig(outDir);
  const { graphqlEndpoints, requiredSecrets, hyperdriveBindingName } = await loadRuntimeModule();
  const manifest = JSON.parse(readFileSync(path.join(outDir, "modus.json"), "utf8"));
  const notes = [];
  for (const e of graphqlEndpoints(manifest)) {
    if (e.auth === "bearer-token") {
      notes.push(
        `endpoint "${e.name}" (${e.path}) uses bearer-token auth: set MODUS_PEMS or MODUS_JWKS_ENDPOINTS ` +
          "(wrangler secret put), or the deployed Worker refuses every request to it with 503",
      );
    }
  }
  const secrets = [...new Set(requiredSecrets(manifest).map((/** @type {{variable: string}} */ s) => s.variable))];
  if (secrets.length) notes.push(`the connections need these secrets (wrangler secret put NAME): ${secrets.join(", ")}`);
  notes.push(...hyperdriveNotes(manifest, config, hyperdriveBindingName));
  for (const note of notes) process.stderr.write(`modus-edge: ${note}\n`);

  const wrangler = path.join(packageRoot, "node_modules", "wrangler", "bin", "wrangler.js");
  const child = spawn(process.execPath, [wrangler, "deploy", "--config", config, ...wranglerArgs], {
    cwd: packageRoot,
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  return await new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/**
 * For each SQL connection: the Hyperdrive binding it uses, or how to add one.
 * @param {any} manifest
 * @param {string} config the generated wrangler config (it carries wrangler.toml's [[hyperdrive]] tables)
 * @param {(connection: string) => string} bindingName
 */
function hyperdriveNotes(manifest, config, bindingName) {
  const bound = new Set((JSON.parse(readFileSync(config, "utf8")).hyperdrive ?? []).map((/** @type {{binding: string}} */ h) => h.binding));
  return Object.entries(manifest.connections ?? {})
    .filter(([, c]) => c.type === "postgresql" || c.type === "mysql")
    .map(([name]) => {
      const binding = bindingName(name);
      return bound.has(binding)
        ? `connection "${name}" goes through the Hyperdrive binding ${binding}`
        : `connection "${name}" connects straight to its connString (a new connection per call); for pooling add a Hyperdrive binding: ` +
            `npx wrangler hyperdrive create <name> --connection-string=... then in wrangler.toml [[hyperdrive]] binding = "${binding}", id = "<id>"`;
    });
}
