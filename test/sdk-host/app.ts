// A Worker composed exactly as src/index.ts composes the example app, but
// serving the SDK test app (test/sdk/app), so the SDK runs against the real host.
import wasm from "../sdk/build/app.wasm";
import manifest from "../sdk/build/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { recordResponse } from "../support/secret-scan";
import { testEnv } from "../helpers";

const app = createApp((services) => loadApp(wasm, manifest, services));

/** Runs a GraphQL operation against the SDK test app. */
export async function sdkQuery(
  query: string,
  opts: { headers?: Record<string, string>; env?: Record<string, string>; variables?: Record<string, unknown> } = {},
): Promise<{ status: number; body: any }> {
  const res = await app.fetch(
    new Request("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...opts.headers },
      body: JSON.stringify({ query, variables: opts.variables }),
    }),
    { ...testEnv, ...opts.env },
  );
  const text = await res.text();
  recordResponse(text);
  return { status: res.status, body: JSON.parse(text) };
}
