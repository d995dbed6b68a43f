// A Worker composed exactly as src/index.ts composes the example app, but
// serving the hostile app (test/hardening/app), with the stand-in provider as
// every connection's origin.
import wasm from "./build/app.wasm";
import manifest from "./build/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { reply, testEnv, type Reply } from "../helpers";

const app = createApp((services) => loadApp(wasm, manifest, services));

const stub = new URL(testEnv.TEST_PROVIDER_URL!).origin;

/** The secrets of the hostile app's connections (test/hardening/app/modus.json). */
export const SECRETS = {
  MODUS_VAULT_KEY: "vault-key-4d2e91",
  MODUS_VAULT_TOKEN: "vault-token-77ab03",
  MODUS_OTHER_KEY: "other-key-c81f5a",
  // The stand-in provider accepts only the suite's API key.
  MODUS_PROVIDER_KEY: testEnv.MODUS_OPENAI_API_KEY!,
} as const;

/** The env the hostile app runs with: the test env, its connections pointed at the stub. */
export const hardeningEnv: Record<string, string> = {
  ...testEnv,
  ...SECRETS,
  MODUS_VAULT_ORIGIN: stub,
  MODUS_OTHER_ORIGIN: stub,
  MODUS_PROVIDER_ORIGIN: stub,
};

export type { Reply };

/** Sends a request to the hostile app's Worker, with `env` over {@link hardeningEnv}. */
export async function send(path: string, init: RequestInit = {}, env: Record<string, string> = {}): Promise<Reply> {
  return reply(await app.fetch(new Request(`http://localhost${path}`, init), { ...hardeningEnv, ...env }));
}

/** Posts a GraphQL operation as JSON. */
export function query(source: string, opts: { env?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Reply> {
  return send(
    "/graphql",
    { method: "POST", headers: { "content-type": "application/json", ...opts.headers }, body: JSON.stringify({ query: source }) },
    opts.env,
  );
}

/** The echo and redirect requests the stand-in received (http.fetch's), newest last (its last 200). */
export async function stubRequests(): Promise<{ method: string; url: string; headers: Record<string, string>; body: string }[]> {
  return (await fetch(`${testEnv.TEST_PROVIDER_URL}__echoes`)).json();
}
