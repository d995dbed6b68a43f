// A model provider on 127.0.0.1 speaking the OpenAI, Anthropic and Gemini wire
// formats, for tests and benchmarks. It checks what a real provider checks
// (credentials, required fields), answers in each provider's own success and
// error bodies, and answers deterministically from the request, so a test can
// tell that its input arrived intact.
//
// Each test tells its requests apart by its key: `<apiKey>-<tag>` is accepted
// like `apiKey`, and every request is recorded with its tag, so a test reads
// back exactly the requests it caused (`GET /__requests?tag=<tag>`), never
// another file's.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { openAiChat, openAiEmbeddings } from "./providers/openai.ts";
import { anthropicMessages } from "./providers/anthropic.ts";
import { geminiGenerate, geminiModel } from "./providers/gemini.ts";
import type { Provider, Reply } from "./providers/types.ts";

export { stubEmbedding } from "./providers/openai.ts";

export interface ProviderStubOptions {
  /** The bearer key / API key every request must carry (or `<apiKey>-<tag>`). */
  apiKey: string;
  /** Delay for models named `slow*` and requests marked `[slow]`, in ms (benchmarks). */
  slowMs?: number;
  /** The longest `[hang]` and `[together]` hold a request before giving up, in ms. */
  holdMs?: number;
}

export interface RecordedRequest {
  /** The tag of the key it presented (`<apiKey>-<tag>`); null for the bare key or none. */
  tag: string | null;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The most requests with this tag in flight at one moment while this one was. */
  concurrent: number;
  /** The client went away before an answer was sent (it gave up waiting). */
  abandoned: boolean;
}

export interface ProviderStub {
  url: string;
  server: Server;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, { status, body, html }: Reply) => {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": html === undefined ? "application/json" : "text/html" });
  res.end(html ?? JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("latin1");
}

/** The provider a path belongs to. */
function providerFor(path: string): Provider | undefined {
  if (path.endsWith("/chat/completions")) return openAiChat;
  if (path.endsWith("/embeddings")) return openAiEmbeddings;
  if (path.endsWith("/messages")) return anthropicMessages;
  if (geminiModel(path)) return geminiGenerate;
  return undefined;
}

/** Starts the stub on an ephemeral port of 127.0.0.1. */
export async function startProviderStub(opts: ProviderStubOptions): Promise<ProviderStub> {
  const requests: RecordedRequest[] = [];
  const echoes: Pick<RecordedRequest, "method" | "url" | "headers" | "body">[] = [];
  const inFlight = new Map<string, Set<RecordedRequest>>();
  const waiting = new Map<string, (() => void)[]>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/__requests") {
      const tag = url.searchParams.get("tag");
      return send(res, { status: 200, body: tag === null ? requests.slice(-50) : requests.filter((r) => r.tag === tag) });
    }
    if (url.pathname === "/__echoes") return send(res, { status: 200, body: echoes.slice(-200) });
    // http.fetch's requests (echoes and redirects) are kept apart from the providers' tagged ones.
    const hop = /\/redirect\/(\d{3})\/([\w-]+)$/.exec(url.pathname);
    if (hop || url.pathname.startsWith("/echo/")) {
      echoes.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers as Record<string, string>, body: Buffer.from(raw, "latin1").toString("utf8") });
    }
    // A redirect, for the hardening tests: <any path>/redirect/<status>/<base64url of the Location>.
    if (hop) {
      res.writeHead(Number(hop[1]), { location: Buffer.from(hop[2]!, "base64url").toString("utf8") });
      return void res.end();
    }
    if (url.pathname.startsWith("/echo/")) return echo(req, res, url, raw, opts.holdMs ?? 20_000);

    const provider = providerFor(url.pathname);
    const key = provider?.keyOf(req, url);
    const tag = key !== undefined && key.startsWith(`${opts.apiKey}-`) ? key.slice(opts.apiKey.length + 1) : null;
    const record: RecordedRequest = {
      tag,
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers as Record<string, string>,
      body: Buffer.from(raw, "latin1").toString("utf8"),
      concurrent: 0,
      abandoned: false,
    };
    requests.push(record);
    const group = inFlight.get(tag ?? "") ?? new Set<RecordedRequest>();
    inFlight.set(tag ?? "", group.add(record));
    for (const r of group) r.concurrent = Math.max(r.concurrent, group.size);
    res.on("close", () => {
      group.delete(record);
      if (!res.writableFinished) record.abandoned = true;
    });

    try {
      const hold = (ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          res.on("close", () => (clearTimeout(timer), resolve()));
        });
      const together = () => {
        // Released when a second request with the same tag is held too.
        const queue = waiting.get(tag ?? "") ?? [];
        waiting.set(tag ?? "", queue);
        return new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), opts.holdMs ?? 10_000);
          queue.push(() => (clearTimeout(timer), resolve(true)));
          if (queue.length >= 2) for (const release of queue.splice(0)) release();
        });
      };
      send(res, await route(req, url, record.body, { provider, key, accepted: key === opts.apiKey || tag !== null, opts, hold, together }));
    } catch (err) {
      send(res, { status: 500, body: { error: { message: `stub failure: ${String(err)}`, type: "server_error", param: null, code: null } } });
    }
  });
  // Node closes a kept-alive connection after 5 s idle; workerd may be writing the next request on it
  // just then (a broken pipe, "Network connection lost"). Idle connections stay open for the run instead.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface RouteContext {
  provider: Provider | undefined;
  key: string | undefined;
  accepted: boolean;
  opts: ProviderStubOptions;
  hold(ms: number): Promise<void>;
  together(): Promise<boolean>;
}

async function route(req: IncomingMessage, url: URL, body: string, ctx: RouteContext): Promise<Reply> {
  const { provider, opts } = ctx;
  const path = url.pathname;
  if (!provider) return { status: 404, body: { error: { message: `Invalid URL (${req.method} ${path})`, type: "invalid_request_error", param: null, code: null } } };
  if (req.method !== "POST") return provider.methodNotAllowed(req.method ?? "", path);
  if (!ctx.accepted) return provider.unauthorized(ctx.key);
  let input: any;
  try {
    input = JSON.parse(body);
  } catch {
    return provider.badJson();
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return provider.badJson();

  // A behaviour is asked for by a marker anywhere in the request (or a `slow*` model).
  const marker = /\[(slow|hang|together|fail-500|fail-429|not-json|not-json-200)\]/.exec(body)?.[1] ??
    (String(input.model ?? "").startsWith("slow") ? "slow" : undefined);
  if (marker === "slow") await ctx.hold(opts.slowMs ?? 2000);
  if (marker === "hang") {
    await ctx.hold(opts.holdMs ?? 20_000);
    return { status: 504, body: { error: { message: "stub: [hang] was held until the client gave up or the stub did", type: "server_error" } } };
  }
  if (marker === "together" && !(await ctx.together())) {
    return { status: 500, body: { error: { message: "stub: [together] held this request, but no second one with the same tag arrived while it waited", type: "server_error" } } };
  }
  if (marker === "fail-500") return provider.serverError();
  if (marker === "fail-429") return provider.rateLimited(String(input.model ?? ""));
  if (marker === "not-json") return { status: 502, html: "<html><body>Bad gateway</body></html>" };
  if (marker === "not-json-200") return { status: 200, html: "<html><body>Welcome</body></html>" };
  return provider.validate(input, req) ?? { status: 200, body: provider.answer(input, url) };
}

// An echo service for http.fetch tests: `/echo/bytes` answers with the
// request's bytes, `/echo/hang` never answers, anything else with a JSON
// description of what arrived (`/echo/teapot` with 418).
function echo(req: IncomingMessage, res: ServerResponse, url: URL, raw: string, holdMs: number) {
  const path = url.pathname;
  if (path === "/echo/hang") {
    const timer = setTimeout(() => send(res, { status: 504, html: "held too long" }), holdMs);
    return void res.on("close", () => clearTimeout(timer));
  }
  res.setHeader("x-echo", "yes");
  if (path === "/echo/bytes") {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    return res.end(Buffer.from(raw, "latin1"));
  }
  send(res, {
    status: path.endsWith("/teapot") ? 418 : 200,
    body: { method: req.method, path, query: Object.fromEntries(url.searchParams), headers: req.headers, body: Buffer.from(raw, "latin1").toString("utf8") },
  });
}
