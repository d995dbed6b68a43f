import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { LoadedApp } from "./load";
import { timeZone, type TimeZoneVariables } from "./middleware/time-zone";

export type Env = Record<string, unknown>;
type AppEnv = { Bindings: Env; Variables: TimeZoneVariables };

/**
 * The Worker's HTTP surface: each GraphQL endpoint of the manifest. When the
 * app could not be loaded, every request gets a 503 that says why.
 *
 * @example export default createApp(() => loadApp(wasm, manifest));
 */
export function createApp(load: () => LoadedApp): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return c.json({ errors: [{ message: err.message, extensions: { code: "BAD_REQUEST" } }] }, err.status);
    }
    const correlationId = crypto.randomUUID();
    console.error(JSON.stringify({ level: "error", msg: "unhandled error", correlationId, error: String(err) }));
    return c.json({ errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] }, 500);
  });

  let loaded: LoadedApp;
  try {
    loaded = load();
  } catch (err) {
    const message = `modus-edge could not start: ${err instanceof Error ? err.message : String(err)}`;
    console.error(JSON.stringify({ level: "fatal", msg: message }));
    app.all("*", (c) => c.json({ errors: [{ message, extensions: { code: "APP_NOT_LOADED" } }] }, 503));
    return app;
  }

  for (const endpoint of loaded.endpoints) {
    app.use(endpoint.path, timeZone());
    app.on(["GET", "POST"], endpoint.path, (c) =>
      endpoint.yoga.fetch(c.req.raw, { env: c.env, ...(c.var.timeZone ? { timeZone: c.var.timeZone } : {}) }),
    );
  }
  return app;
}
