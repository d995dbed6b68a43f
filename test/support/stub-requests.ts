// The workerd side of the provider stub's per-test correlation: a test makes
// its own key (`<key>-<tag>`), sends its calls with it, and reads back
// exactly the requests that carried it.
import type { RecordedRequest } from "./provider-stub";
import { testEnv } from "../helpers";

export type { RecordedRequest };

export interface Tagged {
  tag: string;
  /** The test's API key: the stub accepts it and records its tag. */
  key: string;
  /** Env overrides giving every stubbed connection the test's key. */
  env: Record<string, string>;
  /** The requests the stub received with this test's key, in arrival order. */
  requests(): Promise<RecordedRequest[]>;
}

/**
 * A fresh tag for one test's provider calls.
 *
 * @example const t = tagged("excuses"); await graphql(q, undefined, { env: t.env }); const [sent] = await t.requests();
 */
export function tagged(name: string): Tagged {
  const tag = `${name}-${crypto.randomUUID().slice(0, 8)}`;
  const key = `${testEnv.MODUS_OPENAI_API_KEY}-${tag}`;
  return {
    tag,
    key,
    env: { MODUS_OPENAI_API_KEY: key, MODUS_ANTHROPIC_API_KEY: key, MODUS_GEMINI_API_KEY: key },
    requests: async () => (await fetch(`${testEnv.TEST_PROVIDER_URL}__requests?tag=${encodeURIComponent(tag)}`)).json(),
  };
}
