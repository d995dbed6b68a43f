// Runs before every workerd test file: records every line the Worker (and the
// test) logs, and every response body the shared helpers read, then fails the
// file if any secret value used by the suite appears in them.
import { afterAll, expect } from "vitest";
import { env } from "cloudflare:workers";

// App secrets (MODUS_APP_*) are left out: a function may read one and choose
// to return it, which is the app's business, not a leak by the runtime.
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD|^MODUS_PEMS$/;

const seen: string[] = [];
const logged: string[] = [];
const extraSecrets = new Set<string>();

/** Adds a value the current test uses as a secret (e.g. a deliberately wrong key). */
export function registerSecret(value: string): void {
  extraSecrets.add(value);
}

/** Records a response body for the end-of-file scan. */
export function recordResponse(text: string): void {
  seen.push(text);
}

/**
 * The console lines logged while `body` runs (the Worker's and the test's),
 * for tests of what the runtime logs.
 *
 * @example const { lines } = await captureLogs(() => graphql("{ sayHello(name: \"x\") }"));
 */
export async function captureLogs<T>(body: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const from = logged.length;
  const result = await body();
  return { result, lines: logged.slice(from) };
}

for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const line = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" ");
    seen.push(line);
    logged.push(line);
    original(...args);
  };
}

afterAll(() => {
  const secrets = new Set(extraSecrets);
  for (const [name, value] of Object.entries(env as Record<string, unknown>)) {
    if (SECRET_NAME.test(name) && typeof value === "string" && value.length >= 8) secrets.add(value);
  }
  const leaks: string[] = [];
  for (const text of seen) {
    for (const secret of secrets) {
      if (text.includes(secret)) leaks.push(`${secret.slice(0, 4)}… in: ${text.slice(0, 120)}`);
    }
  }
  expect(leaks, "secret values found in responses or log lines").toEqual([]);
});
