// Finding 8: /metrics was public in production. And the JSPI check at start.
import { describe, expect, it } from "vitest";
import { requestWithEnv } from "../helpers";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import wasm from "./build/app.wasm";
import unmetered from "./build/unmetered.wasm";
import manifest from "./build/modus.json";
import { hardeningEnv } from "./worker";
import { registerSecret } from "../support/secret-scan";

const PRODUCTION = { MODUS_ENV: "production" };
const TOKEN = "ops-token-5e7a1c90b2";
registerSecret(TOKEN);
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe("/metrics outside local development", () => {
  it("is closed without MODUS_METRICS_TOKEN, saying what to set", async () => {
    const res = await requestWithEnv(PRODUCTION, "/metrics");
    expect(res.status).toBe(403);
    expect(res.body.errors[0]).toEqual({
      message: "/metrics is closed: set MODUS_METRICS_TOKEN and send it as a bearer token",
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("needs the token when one is set", async () => {
    const env = { ...PRODUCTION, MODUS_METRICS_TOKEN: TOKEN };
    expect((await requestWithEnv(env, "/metrics")).status).toBe(401);
    expect((await requestWithEnv(env, "/metrics", bearer("wrong-token-000000"))).status).toBe(401);
    const ok = await requestWithEnv(env, "/metrics", bearer(TOKEN));
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("# TYPE modus_requests_total counter");
  });

  it("stays open in local development (MODUS_ENV=dev)", async () => {
    expect((await requestWithEnv({ MODUS_ENV: "dev" }, "/metrics")).status).toBe(200);
  });
});

describe("/health outside local development", () => {
  it("says only whether the Worker is up, without the token", async () => {
    const res = await requestWithEnv({ ...PRODUCTION, MODUS_METRICS_TOKEN: TOKEN }, "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("adds the app's details with the token", async () => {
    const res = await requestWithEnv({ ...PRODUCTION, MODUS_METRICS_TOKEN: TOKEN }, "/health", bearer(TOKEN));
    expect(res.body).toMatchObject({ status: "ok", app: "modus-edge-example", runtime: "modus-edge@0.1.0" });
    expect(res.body.buildId).toMatch(/^[0-9a-v]{20}$/);
  });
});

describe("a runtime without JSPI", () => {
  const app = createApp((services) => loadApp(wasm, manifest, services), { webAssembly: {} });
  const message =
    "this runtime lacks WebAssembly JSPI (WebAssembly.Suspending and WebAssembly.promising), which modus-edge needs to call functions: use a workerd or compatibility date that ships it";

  it("answers every request 503, saying so", async () => {
    const res = await app.fetch(
      new Request("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ work(n: 1) }"}' }),
      hardeningEnv,
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ errors: [{ message, extensions: { code: "JSPI_UNAVAILABLE" } }] });
  });

  it("reports it on /health", async () => {
    const res = await app.fetch(new Request("http://localhost/health"), hardeningEnv);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", jspi: false, reason: message });
  });

  it("names only what is missing", async () => {
    const half = createApp((services) => loadApp(wasm, manifest, services), { webAssembly: { promising: () => {} } });
    const res = await half.fetch(new Request("http://localhost/health"), hardeningEnv);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/^this runtime lacks WebAssembly JSPI \(WebAssembly\.Suspending\), /);
  });
});

describe("a module built without the metering", () => {
  it("is not served: every request is a 503 saying how to build it", async () => {
    const app = createApp((services) => loadApp(unmetered, manifest, services));
    const res = await app.fetch(new Request("http://localhost/health"), hardeningEnv);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      errors: [
        {
          message:
            "modus-edge could not start: the module is not metered, so no compute or memory budget could hold: build it with modus-edge build, which meters it",
          extensions: { code: "APP_NOT_LOADED" },
        },
      ],
    });
  });
});
