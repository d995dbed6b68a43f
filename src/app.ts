import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { LoadedApp } from "./load";
import type { Services } from "./wasm/context";
import type { ServerContext } from "./graphql/context";
import { createMetrics } from "./observability/metrics";
import { uuidSource } from "./observability/ids";
import { consoleLogger, type Logger } from "./observability/log";
import { requestMetrics } from "./middleware/metrics";
import { health } from "./health";
import { missingJspi, type JspiApi } from "./jspi";
import { chain } from "./middleware/chain";
import { timeZoneStep, type TimeZoneVariables } from "./middleware/time-zone";
import { bearerAuthStep, type AuthVariables } from "./middleware/auth";
import { explorer } from "./middleware/explorer";
import { corsStep } from "./middleware/cors";
import { jsonPostsStep } from "./middleware/content-type";
import { limitsStep, type LimitsVariables } from "./middleware/limits";
import { responseLimitStep } from "./middleware/response-limit";
import { opsToken, type OpsVariables } from "./middleware/ops-token";

export type Env = Record<string, unknown>;
type AppEnv = { Bindings: Env; Variables: TimeZoneVariables & AuthVariables & LimitsVariables & OpsVariables };

export interface AppOptions {
  /** Where JSPI is looked for (the global WebAssembly; tests pass one without it). */
  webAssembly?: JspiApi;
  /** Where structured log lines go (JSON on the console unless given). */
  log?: Logger;
}

// Yoga's handleRequest takes its server context in parts and merges them into one plain object.
// Two parts, not one: a lone part is isolated instead (a new object over it as prototype, then
// each property copied by descriptor), which costs several µs per request.
type HandleInParts = (request: Request, ...parts: Partial<ServerContext>[]) => Response | Promise<Response>;

// What the middleware found for this request (c.get, not c.var: c.var builds a new object per read).
function requestContext(c: Context<AppEnv>): Partial<ServerContext> {
  const found: Partial<ServerContext> = {};
  const limits = c.get("limits");
  if (limits) found.limits = limits;
  const timeZone = c.get("timeZone");
  if (timeZone) found.timeZone = timeZone;
  const claims = c.get("claims");
  if (claims) found.claims = claims;
  return found;
}

// `extensions.code` of the HTTP-level errors, by status.
const HTTP_CODES: Readonly<Record<number, string>> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  415: "UNSUPPORTED_MEDIA_TYPE",
  503: "UNAVAILABLE",
};

/**
 * The Worker's HTTP surface: each GraphQL endpoint of the manifest, and the
 * explorer (GraphiQL) over them when it is on. When the app could not be
 * loaded, or the runtime lacks JSPI, every request gets a 503 that says why.
 *
 * @example export default createApp(() => loadApp(wasm, manifest));
 */
export function createApp(load: (services: Services) => LoadedApp, { webAssembly = WebAssembly, log = consoleLogger }: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const services: Services = { metrics: createMetrics(), log, newId: uuidSource() };
  app.use("*", requestMetrics(services));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 401) c.header("WWW-Authenticate", 'Bearer realm="modus"');
      const code = HTTP_CODES[err.status] ?? "BAD_REQUEST";
      return c.json({ errors: [{ message: err.message, extensions: { code } }] }, err.status);
    }
    const correlationId = crypto.randomUUID();
    services.log({ level: "error", msg: "unhandled error", correlationId, error: String(err) });
    services.metrics.count("modus_errors_total", { kind: "internal" });
    return c.json({ errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] }, 500);
  });

  // Without JSPI no function can run: say so on every request rather than fail inside the first one.
  const missing = missingJspi(webAssembly);
  if (missing) {
    services.log({ level: "fatal", msg: missing });
    app.get("/health", (c) => c.json({ status: "unavailable", jspi: false, reason: missing }, 503));
    app.all("*", (c) => c.json({ errors: [{ message: missing, extensions: { code: "JSPI_UNAVAILABLE" } }] }, 503));
    return app;
  }

  let loaded: LoadedApp;
  try {
    loaded = load(services);
  } catch (err) {
    const message = `modus-edge could not start: ${err instanceof Error ? err.message : String(err)}`;
    services.log({ level: "fatal", msg: message });
    app.all("*", (c) => c.json({ errors: [{ message, extensions: { code: "APP_NOT_LOADED" } }] }, 503));
    return app;
  }

  // Liveness for anyone; the app's details only for dev or the metrics token.
  app.get("/health", opsToken(), (c) => c.json(c.var.opsAccess ? health(loaded) : { status: "ok" }));
  app.get("/metrics", opsToken({ required: true }), (c) =>
    c.text(services.metrics.render(), 200, { "content-type": "text/plain; version=0.0.4" }),
  );

  for (const endpoint of loaded.endpoints) {
    // One middleware for the endpoint's checks (each Hono layer costs a dispatch per request).
    // CORS first: a preflight is answered before auth, which it could not pass.
    const auth = endpoint.auth === "bearer-token" ? [bearerAuthStep({ log: services.log })] : [];
    app.use(endpoint.path, chain<AppEnv>(corsStep(), limitsStep(), jsonPostsStep(), responseLimitStep(), ...auth, timeZoneStep()));
    // handleRequest, not fetch: fetch also ties each response to the request's abort signal,
    // which a Worker does not need (a disconnected client cancels the whole handler).
    const handle = endpoint.yoga.handleRequest as HandleInParts;
    app.on(["GET", "POST"], endpoint.path, (c) => handle(c.req.raw, { env: c.env }, requestContext(c)));
  }
  // After the endpoints, so an endpoint at "/" wins over the dev redirect.
  app.route("/", explorer({ endpoints: loaded.endpoints }));
  return app;
}
