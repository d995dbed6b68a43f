// Plain JavaScript resolvers for the example app's fields: the baselines of R1
// (sayHello) and R3 (generateExcuses, the same model request sent with the
// same host-side code, no Wasm).
import type { Manifest } from "../../src/manifest/types";
import { resolveModel } from "../../src/manifest/models";
import { buildRequestForConnection } from "../../src/manifest/connections";
import { postToModel } from "../../src/models/post";
import { modelTimeout } from "../../src/hostfns/models";
import type { BenchResolvers } from "./yoga";

/** What the example app's `sayHello` answers. */
export const sayHello = (name: string): string => "Hello, " + name + "!";

/**
 * What the example app's `generateExcuses` does, in JavaScript: the same
 * request body the SDK builds, posted with the runtime's own model path.
 */
export async function generateExcuses(manifest: Manifest, env: Readonly<Record<string, unknown>>, event: string): Promise<string> {
  const resolved = resolveModel(manifest, "llm");
  const { url, headers } = buildRequestForConnection({
    name: resolved.connectionName,
    connection: resolved.connection,
    url: resolved.url,
    env,
  });
  // In the SDK's key order, so the provider receives the same bytes.
  const body = JSON.stringify({
    temperature: 0.9,
    model: (resolved.model.sourceModel ?? "llm").toLowerCase(),
    messages: [
      { role: "system", content: "You are a creative assistant who writes short, funny excuses." },
      { role: "user", content: "Give me an excuse for missing " + event + "." },
    ],
  });
  const text = await postToModel({ model: "llm", url, headers }, body, { timeoutMs: modelTimeout(env) });
  const out = JSON.parse(text) as { choices: { message: { content: string } }[] };
  return out.choices[0]!.message.content.trim();
}

/** Resolvers answering `sayHello` and `generateExcuses` in JavaScript. */
export function jsResolvers(manifest: Manifest): BenchResolvers {
  return {
    Query: {
      sayHello: (_root, args: { name: string }) => sayHello(args.name),
      generateExcuses: (_root, args: { event: string }, context) => generateExcuses(manifest, context.env, args.event),
    },
  };
}
