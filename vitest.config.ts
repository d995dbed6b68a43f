import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { TEST_API_KEY } from "./test/support/global-setup.ts";
import { dataBindings, dataHyperdrives } from "./test/support/data-bindings.ts";

// The Worker's env in tests: the stand-in services' addresses and the secrets
// the example app's manifest templates.
function testBindings(inject: (key: any) => any): Record<string, string> {
  return {
    TEST_PROVIDER_URL: inject("providerUrl"),
    TEST_JWKS_URL: inject("jwksUrl"),
    TEST_PEMS: JSON.stringify(inject("pems")),
    MODUS_OPENAI_API_KEY: TEST_API_KEY,
    // The example manifest's openai connection, pointed at the provider stub.
    MODUS_OPENAI_ORIGIN: new URL(inject("providerUrl")).origin,
    // The SDK test app's other connections (test/sdk/app/modus.json), same stub.
    MODUS_ANTHROPIC_ORIGIN: new URL(inject("providerUrl")).origin,
    MODUS_ANTHROPIC_API_KEY: TEST_API_KEY,
    MODUS_GEMINI_ORIGIN: new URL(inject("providerUrl")).origin,
    MODUS_GEMINI_API_KEY: TEST_API_KEY,
    MODUS_ECHO_ORIGIN: new URL(inject("providerUrl")).origin,
    MODUS_APP_GREETING: "app-secret-3b8e1d",
    MODUS_ENV: "dev",
    ...dataBindings(inject),
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        // Everything that runs the Worker runs inside workerd.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: testBindings(inject), hyperdrives: dataHyperdrives(inject) },
          })),
        ],
        test: {
          name: "workers",
          alias: { process: fileURLToPath(new URL("./test/support/node-process.cjs", import.meta.url)) },
          globalSetup: ["test/support/global-setup.ts"],
          // mysql2 is CommonJS requiring ESM-first packages, which workerd's module
          // fallback cannot load one by one: Vite bundles it (wrangler does the same).
          deps: {
            optimizer: {
              ssr: {
                enabled: true,
                include: ["mysql2/promise"],
                // Node's modules stay imports: workerd provides them (nodejs_compat).
                // Except "process", which the test pool's module registry lacks: the global stands in.
                rolldownOptions: {
                  external: builtinModules.filter((m) => m !== "process").flatMap((m) => [m, `node:${m}`]),
                },
              },
            },
          },
          setupFiles: ["test/support/secret-scan.ts"],
          include: ["test/**/*.test.ts"],
          exclude: ["test/cli/**"],
          // The first request of a file compiles the Worker; Wasm work itself is fast.
          testTimeout: 30_000,
        },
      },
      {
        // The CLI is a Node program: it is tested as a user runs it.
        test: {
          name: "cli",
          include: ["test/cli/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
        },
      },
    ],
  },
});
