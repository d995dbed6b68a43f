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
  };
}

// Budgets for suites whose functions do more work per call than Workers' Free plan fits (src/limits).
const ROOMY_BUDGETS = { MODUS_CALL_TIME_LIMIT_MS: "2000", MODUS_REQUEST_TIME_LIMIT_MS: "5000" };

export default defineConfig({
  test: {
    projects: [
      {
        // Everything that runs the Worker runs inside workerd.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            // The data tests' databases and stand-ins (test/support/data-setup.ts) too.
            miniflare: { bindings: { ...testBindings(inject), ...dataBindings(inject) }, hyperdrives: dataHyperdrives(inject) },
          })),
        ],
        test: {
          name: "workers",
          alias: { process: fileURLToPath(new URL("./test/support/node-process.cjs", import.meta.url)) },
          globalSetup: ["test/support/global-setup.ts", "test/support/data-setup.ts"],
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
          exclude: ["test/cli/**", "test/agents/**", "test/collections/**", "test/**/*.node.test.ts"],
          // The first request of a file compiles the Worker; Wasm work itself is fast.
          testTimeout: 30_000,
        },
      },
      {
        // Agents: the agents test app as main, with its Durable Objects
        // (test/agents/wrangler.toml); idle agents suspend after 1 s.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./test/agents/worker.ts",
            wrangler: { configPath: "./test/agents/wrangler.toml" },
            miniflare: { bindings: { ...testBindings(inject), MODUS_AGENT_IDLE_TIMEOUT_SECONDS: "1" } },
          })),
        ],
        test: {
          name: "agents",
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/secret-scan.ts", "test/agents/teardown.ts"],
          include: ["test/agents/**/*.test.ts"],
          exclude: ["test/**/*.node.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        // Collections: the collections test app as main, with its Durable
        // Objects (test/collections/wrangler.toml).
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./test/collections/worker.ts",
            wrangler: { configPath: "./test/collections/wrangler.toml" },
            // Embedding a hundred texts in one call is more compute than the default budgets' Free plan allows.
            miniflare: { bindings: { ...testBindings(inject), ...ROOMY_BUDGETS } },
          })),
        ],
        test: {
          name: "collections",
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/secret-scan.ts"],
          include: ["test/collections/**/*.test.ts"],
          exclude: ["test/**/*.node.test.ts"],
          // A file's first request compiles the Worker, often inside a beforeAll.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The CLI is a Node program: it is tested as a user runs it.
        test: {
          name: "cli",
          // and Node-side tests elsewhere (*.node.test.ts), e.g. restarting a Worker.
          include: ["test/cli/**/*.test.ts", "test/**/*.node.test.ts"],
          environment: "node",
          testTimeout: 120_000,
        },
      },
    ],
  },
});
