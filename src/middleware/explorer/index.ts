import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { explorerEnabled } from "./enabled";

export interface ExplorerEndpoint {
  name: string;
  path: string;
  auth: "bearer-token" | "none";
}

export interface ExplorerOptions {
  /** The app's GraphQL endpoints (from `graphqlEndpoints(manifest)`), listed for the page. */
  endpoints: ExplorerEndpoint[];
  /** Where the page lives. */
  base?: string;
  /** The static-assets binding holding the built page (`build/explorer/`). */
  assetsBinding?: string;
}

/**
 * The GraphiQL explorer: its page and bundle from the Worker's static assets
 * (never from the Worker bundle), plus `<base>/endpoints.json` listing the
 * endpoints. Off unless `MODUS_EXPLORER=on` or `MODUS_ENV=dev` (then 404s);
 * in development `/` redirects to it.
 *
 * @example app.route("/", explorer({ endpoints: graphqlEndpoints(manifest) }));
 */
export function explorer({ endpoints, base = "/explorer", assetsBinding = "ASSETS" }: ExplorerOptions) {
  const listed = { endpoints: endpoints.map(({ name, path, auth }) => ({ name, path, auth })) };
  const app = new Hono<{ Bindings: Record<string, unknown> }>();
  // Mounted at "/", so the switch is checked per route: a "*" middleware would reach /graphql too.
  const on = (c: Context) => explorerEnabled(c.env ?? {});

  app.get("/", (c) => (on(c) && c.env?.MODUS_ENV === "dev" ? c.redirect(base, 302) : c.notFound()));
  app.get(`${base}/endpoints.json`, (c) => (on(c) ? c.json(listed, 200, { "cache-control": "no-store" }) : c.notFound()));
  app.get(`${base}/*`, (c) => {
    if (!on(c)) return c.notFound();
    const url = new URL(c.req.url);
    // `base` and `base/` are the page (the assets' "/"); the rest maps below it.
    url.pathname = url.pathname.slice(base.length) || "/";
    return fromAssets(c.env, assetsBinding, url, c.req.raw, base);
  });
  return app;
}

async function fromAssets(env: Record<string, unknown> | undefined, binding: string, url: URL, req: Request, base: string) {
  const assets = env?.[binding] as Fetcher | undefined;
  if (!assets) throw new HTTPException(503, { message: `the explorer needs the ${binding} binding: add an [assets] section to wrangler.toml` });
  const res = await assets.fetch(new Request(url, req));
  const location = res.headers.get("location");
  if (!location) return res;
  // The assets redirect within their own root (e.g. /index.html -> /): put `base` back in front.
  const target = new URL(location, url);
  if (target.origin === url.origin) target.pathname = base + target.pathname;
  const headers = new Headers(res.headers);
  headers.set("location", target.pathname + target.search);
  return new Response(res.body, { status: res.status, headers });
}
