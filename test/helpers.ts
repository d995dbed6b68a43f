import { env, exports } from "cloudflare:workers";
import worker from "../src/index";
import { recordResponse } from "./support/secret-scan";

/** The Worker's test env (vitest.config.ts `testBindings`). */
export const testEnv = env as unknown as Record<string, string>;

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/** Reads a response as the tests check it (text, JSON body when it parses), scanning it for secrets. */
export async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  recordResponse(text);
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: tests read `text`
  }
  return { status: res.status, body, headers: res.headers, text };
}

/** Sends a request to the Worker's own fetch handler (its configured env). */
export async function request(path: string, init?: RequestInit): Promise<Reply> {
  // The Worker under test: src/index.ts, as the pool's `main` loads it.
  const self = (exports as unknown as { default: Fetcher }).default;
  return reply(await self.fetch(`http://localhost${path}`, init));
}

/** Sends a request to the Worker with a different env (e.g. other keys or secrets). */
export async function requestWithEnv(extraEnv: Record<string, string>, path: string, init?: RequestInit): Promise<Reply> {
  return reply(await worker.fetch(new Request(`http://localhost${path}`, init), { ...testEnv, ...extraEnv }));
}

/** Posts a GraphQL operation to the Worker's own fetch handler. */
export async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  init: { path?: string; headers?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<Reply> {
  const options: RequestInit = {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...init.headers },
    body: JSON.stringify({ query, variables }),
  };
  const path = init.path ?? "/graphql";
  return init.env ? requestWithEnv(init.env, path, options) : request(path, options);
}
