// The bearer-token middleware on its own route, with a clock the test moves:
// cooldowns, cache ages and expiry follow it, so no test sleeps.
import { Hono } from "hono";
import { bearerAuth } from "../../../src/middleware/auth";
import type { LogFields } from "../../../src/observability/log";
import { testEnv } from "../../helpers";

export const jwksUrl = testEnv.TEST_JWKS_URL!;
export const pems = JSON.parse(testEnv.TEST_PEMS!) as Record<string, string>;

/** A token from the JWKS stand-in (see test/support/jwks-server.ts `/__sign`). */
export async function sign(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${jwksUrl}__sign`, { method: "POST", body: JSON.stringify(body) });
  return ((await res.json()) as { token: string }).token;
}

/** Calls one of the stand-in's routes (`set0/rotate`, `set0/fetches`, ...) and returns its JSON. */
export async function jwks(path: string, body?: unknown): Promise<any> {
  const init = path.endsWith("/fetches") ? {} : { method: "POST", body: JSON.stringify(body ?? {}) };
  return (await fetch(`${jwksUrl}${path}`, init)).json();
}

export interface AuthApp {
  /** The clock the middleware reads, in ms; move it forward to let time pass. */
  clock: { now: number };
  logs: LogFields[];
  /** The status, and the verified claims' `sub` or the refusal's text. */
  call(token?: string): Promise<{ status: number; text: string }>;
}

/** The middleware in front of a route that answers the verified claims, under `env`. */
export function authApp(env: Record<string, string>): AuthApp {
  const clock = { now: Date.now() };
  const logs: LogFields[] = [];
  const app = new Hono<{ Bindings: Record<string, string>; Variables: { claims?: string } }>();
  app.use("/p", bearerAuth({ now: () => clock.now, log: (f) => void logs.push(f) }));
  app.get("/p", (c) => c.text(c.var.claims ? `sub=${JSON.parse(c.var.claims).sub}` : "no claims"));
  return {
    clock,
    logs,
    async call(token) {
      const res = await app.request("/p", { headers: token ? { authorization: `Bearer ${token}` } : {} }, { MODUS_ENV: "prod", ...env });
      return { status: res.status, text: await res.text() };
    },
  };
}
