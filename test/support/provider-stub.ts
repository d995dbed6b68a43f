// A model provider on 127.0.0.1 speaking the OpenAI, Anthropic and Gemini wire
// formats, for tests and benchmarks. It checks what a real provider checks
// (credentials, required fields) and answers deterministically from the
// request, so a test can tell that its input arrived intact.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProviderStubOptions {
  /** The bearer key / API key every request must carry. */
  apiKey: string;
  /** Delay for models named `slow*`, in ms. */
  slowMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProviderStub {
  url: string;
  server: Server;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const openAiError = (res: ServerResponse, status: number, message: string, type = "invalid_request_error") =>
  json(res, status, { error: { message, type, param: null, code: null } });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the stub on an ephemeral port of 127.0.0.1. */
export async function startProviderStub(opts: ProviderStubOptions): Promise<ProviderStub> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/__requests") return json(res, 200, requests.slice(-50));
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers as Record<string, string>, body });
    try {
      await route(req, res, url, body, opts);
    } catch (err) {
      openAiError(res, 500, `stub failure: ${String(err)}`, "server_error");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: string, opts: ProviderStubOptions) {
  const path = url.pathname;
  // An echo service for http.fetch tests: any method, answers with what it got.
  if (path.startsWith("/echo/")) {
    res.setHeader("x-echo", "yes");
    return json(res, path.endsWith("/teapot") ? 418 : 200, {
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
  }
  if (req.method !== "POST") return openAiError(res, 405, `method ${req.method} not allowed`);
  let input: any;
  try {
    input = JSON.parse(body);
  } catch {
    return openAiError(res, 400, "We could not parse the JSON body of your request.");
  }
  // A failure is asked for by model name or by a marker anywhere in the request.
  const model = /\[(slow|fail-500|fail-429|not-json|not-json-200)\]/.exec(body)?.[1] ?? String(input?.model ?? "");
  if (model.startsWith("slow")) await new Promise((r) => setTimeout(r, opts.slowMs ?? 2000));
  if (model === "fail-500") return openAiError(res, 500, "The server had an error while processing your request.", "server_error");
  if (model === "fail-429") return openAiError(res, 429, "Rate limit reached for requests", "rate_limit_error");
  if (model === "not-json-200") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end("<html><body>Welcome</body></html>");
  }
  if (model === "not-json") {
    res.writeHead(502, { "content-type": "text/html" });
    return res.end("<html><body>Bad gateway</body></html>");
  }

  if (path.endsWith("/chat/completions")) {
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return openAiError(res, 401, "Incorrect API key provided.");
    return json(res, 200, chatCompletion(input));
  }
  if (path.endsWith("/embeddings")) {
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return openAiError(res, 401, "Incorrect API key provided.");
    return json(res, 200, embeddings(input));
  }
  if (path.endsWith("/messages")) {
    if (req.headers["x-api-key"] !== opts.apiKey) {
      return json(res, 401, { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } });
    }
    if (!req.headers["anthropic-version"]) {
      return json(res, 400, { type: "error", error: { type: "invalid_request_error", message: "anthropic-version header is required" } });
    }
    return json(res, 200, anthropicMessage(input));
  }
  const gemini = /\/models\/([^/:]+):generateContent$/.exec(path);
  if (gemini) {
    const key = url.searchParams.get("key") ?? req.headers["x-goog-api-key"];
    if (key !== opts.apiKey) return json(res, 400, { error: { code: 400, message: "API key not valid.", status: "INVALID_ARGUMENT" } });
    return json(res, 200, geminiResponse(gemini[1]!, input));
  }
  return openAiError(res, 404, `Unknown path ${path}`);
}

function chatCompletion(input: any) {
  if (!Array.isArray(input.messages) || !input.messages.length) throw new Error("messages is required");
  const last = input.messages[input.messages.length - 1];
  const user = [...input.messages].reverse().find((m: any) => m.role === "user");
  const system = input.messages.find((m: any) => m.role === "system" || m.role === "developer");
  let message: any;
  // "[no-tool-calls]" in the user's text: answer directly though tools are offered, as models often do.
  const answerDirectly = textOf(user?.content).includes("[no-tool-calls]");
  if (Array.isArray(input.tools) && input.tools.length && last.role === "user" && !answerDirectly) {
    const fn = input.tools[0].function;
    message = {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: fn.name, arguments: JSON.stringify({ query: textOf(user?.content) }) } }],
    };
  } else if (last.role === "tool") {
    message = { role: "assistant", content: `Tool ${last.tool_call_id} said: ${textOf(last.content)}` };
  } else {
    const parts = [`model=${input.model}`, `system=${textOf(system?.content)}`, `user=${textOf(user?.content)}`];
    if (input.temperature !== undefined) parts.push(`temperature=${input.temperature}`);
    message = { role: "assistant", content: parts.join("; ") };
  }
  return {
    id: "chatcmpl-stub",
    object: "chat.completion",
    created: 1700000000,
    model: input.model,
    system_fingerprint: "fp_stub",
    choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p: any) => p.text ?? "").join("");
  return "";
}

/** A deterministic vector per text: its length, char-code sum and first code. */
export function stubEmbedding(text: string): number[] {
  const sum = [...text].reduce((s, c) => s + c.charCodeAt(0), 0);
  return [text.length, sum, text.charCodeAt(0) || 0];
}

function embeddings(input: any) {
  const texts: string[] = Array.isArray(input.input) ? input.input : [input.input];
  return {
    object: "list",
    model: input.model,
    data: texts.map((t, index) => ({ object: "embedding", index, embedding: stubEmbedding(String(t)) })),
    usage: { prompt_tokens: texts.length, total_tokens: texts.length },
  };
}

function anthropicMessage(input: any) {
  const last = input.messages?.[input.messages.length - 1];
  return {
    id: "msg_stub",
    type: "message",
    role: "assistant",
    model: input.model,
    content: [{ type: "text", text: `system=${textOf(input.system)}; user=${textOf(last?.content)}; max_tokens=${input.max_tokens}` }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 5 },
  };
}

function geminiResponse(model: string, input: any) {
  const text = input.contents?.[input.contents.length - 1]?.parts?.map((p: any) => p.text).join("") ?? "";
  return {
    candidates: [{ content: { role: "model", parts: [{ text: `model=${model}; user=${text}` }] }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 4, totalTokenCount: 8 },
    modelVersion: model,
  };
}
