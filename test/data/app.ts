// Workers composed exactly as src/index.ts composes an app (its module, its
// manifest, the drivers modus-edge build chose for it), one per data test app
// (test/data/apps, built by test/fixtures/build.mjs).
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import type { SqlDrivers } from "../../src/data/sql/types";
import { recordResponse } from "../support/secret-scan";
import { testEnv } from "../helpers";

export interface DataApp {
  /** Runs a GraphQL operation; `env` adds to (or overrides) the app's env. */
  query(query: string, opts?: { env?: Record<string, unknown>; variables?: Record<string, unknown> }): Promise<{ status: number; body: any }>;
}

/**
 * A test Worker serving one built app, with `env` (secrets and bindings under
 * the names its manifest expects) added to the test env.
 *
 * @example const pg = dataApp(wasm, manifest, drivers, () => ({ MODUS_MY_DATABASE_PASSWORD: "…" }));
 */
export function dataApp(
  wasm: WebAssembly.Module,
  manifest: unknown,
  drivers: SqlDrivers,
  env: () => Record<string, unknown>,
): DataApp {
  const app = createApp((services) => loadApp(wasm, manifest, services, { sql: drivers }));
  return {
    async query(query, opts = {}) {
      const res = await app.fetch(
        new Request("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables: opts.variables }),
        }),
        { ...testEnv, ...env(), ...opts.env },
      );
      const text = await res.text();
      recordResponse(text);
      return { status: res.status, body: JSON.parse(text) };
    },
  };
}
