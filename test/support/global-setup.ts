// Starts the stand-ins for internet services (a model provider, a JWKS
// endpoint) on 127.0.0.1 before the workerd tests, and hands their addresses
// to the pool, which passes them to the Worker as env. The data services are
// started by data-setup.ts, for the project that runs the data tests.
import type { TestProject } from "vitest/node";
import { startProviderStub } from "./provider-stub.ts";
import { startJwksServer } from "./jwks-server.ts";

export const TEST_API_KEY = "sk-test-7f3a9c2e51";

declare module "vitest" {
  export interface ProvidedContext {
    providerUrl: string;
    jwksUrl: string;
    pems: Record<string, string>;
    /** The property tests' seed: PROPERTY_SEED when set, otherwise a new one each run. */
    propertySeed: number;
  }
}

/** PROPERTY_SEED (decimal or 0x hex) when set; otherwise a random seed, printed so a failure can be replayed. */
function propertySeed(): number {
  const given = process.env.PROPERTY_SEED;
  if (given !== undefined && given !== "") {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`PROPERTY_SEED must be an integer from 0 to 4294967295, got ${given}`);
    console.log(`property tests: seed ${seed} (from PROPERTY_SEED)`);
    return seed;
  }
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
  console.log(`property tests: seed ${seed} (replay with PROPERTY_SEED=${seed})`);
  return seed;
}

export default async function setup(project: TestProject) {
  const provider = await startProviderStub({ apiKey: TEST_API_KEY });
  const jwks = await startJwksServer();
  project.provide("providerUrl", provider.url);
  project.provide("jwksUrl", jwks.url);
  project.provide("pems", jwks.pems);
  project.provide("propertySeed", propertySeed());
  return async () => {
    await provider.close();
    await jwks.close();
  };
}
