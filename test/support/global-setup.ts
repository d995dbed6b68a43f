// Starts the stand-ins for internet services (a model provider, a JWKS
// endpoint) on 127.0.0.1 before the workerd tests, and hands their addresses
// to the pool, which passes them to the Worker as env.
import type { TestProject } from "vitest/node";
import { startProviderStub } from "./provider-stub.ts";
import { startJwksServer } from "./jwks-server.ts";

export const TEST_API_KEY = "sk-test-7f3a9c2e51";

declare module "vitest" {
  export interface ProvidedContext {
    providerUrl: string;
    jwksUrl: string;
    pems: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const provider = await startProviderStub({ apiKey: TEST_API_KEY });
  const jwks = await startJwksServer();
  project.provide("providerUrl", provider.url);
  project.provide("jwksUrl", jwks.url);
  project.provide("pems", jwks.pems);
  return async () => {
    await provider.close();
    await jwks.close();
  };
}
