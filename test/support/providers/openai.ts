// OpenAI's chat completions and embeddings, as api.openai.com answers them:
// errors as {error:{message,type,param,code}}, required fields checked, and
// full success bodies (refusal, annotations, usage details).
import type { Provider, Reply } from "./types.ts";

const error = (status: number, message: string, type = "invalid_request_error", param: string | null = null, code: string | null = null): Reply => ({
  status,
  body: { error: { message, type, param, code } },
});

/** An API key as OpenAI's 401 shows it: the first three and last four characters. */
const masked = (key: string) => `${key.slice(0, 3)}${"*".repeat(Math.max(key.length - 7, 4))}${key.slice(-4)}`;

const common: Omit<Provider, "validate" | "answer"> = {
  keyOf: (req) => /^Bearer (.*)$/.exec(req.headers.authorization ?? "")?.[1],
  unauthorized: (key) =>
    key === undefined
      ? error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
      : error(401, `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", null, "invalid_api_key"),
  badJson: () => error(400, "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON."),
  rateLimited: (model) =>
    error(429, `Rate limit reached for ${model} in organization org-stub on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`, "requests", null, "rate_limit_exceeded"),
  serverError: () => error(500, "The server had an error while processing your request. Sorry about that!", "server_error"),
  methodNotAllowed: (method, path) => error(405, `Invalid method for URL (${method} ${path})`),
};

export const openAiChat: Provider = {
  ...common,
  validate(input) {
    if (typeof input.model !== "string" || !input.model) return error(400, "you must provide a model parameter");
    if (input.messages === undefined) return error(400, "Missing required parameter: 'messages'.", "invalid_request_error", "messages", "missing_required_parameter");
    if (!Array.isArray(input.messages) || !input.messages.length) {
      return error(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "invalid_request_error", "messages", "empty_array");
    }
    return null;
  },
  answer: (input) => chatCompletion(input),
};

export const openAiEmbeddings: Provider = {
  ...common,
  validate(input) {
    if (typeof input.model !== "string" || !input.model) return error(400, "you must provide a model parameter");
    if (input.input === undefined) return error(400, "'input' is a required property");
    return null;
  },
  answer: (input) => embeddings(input),
};

function chatCompletion(input: any) {
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
      refusal: null,
      annotations: [],
    };
  } else if (last.role === "tool") {
    message = { role: "assistant", content: `Tool ${last.tool_call_id} said: ${textOf(last.content)}`, refusal: null, annotations: [] };
  } else {
    const parts = [`model=${input.model}`, `system=${textOf(system?.content)}`, `user=${textOf(user?.content)}`];
    if (input.temperature !== undefined) parts.push(`temperature=${input.temperature}`);
    message = { role: "assistant", content: parts.join("; "), refusal: null, annotations: [] };
  }
  return {
    id: "chatcmpl-stub",
    object: "chat.completion",
    created: 1700000000,
    model: input.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? "tool_calls" : "stop" }],
    usage: {
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: "default",
    system_fingerprint: "fp_stub",
  };
}

export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p: any) => p.text ?? "").join("");
  return "";
}

/**
 * A deterministic vector per text, with the number forms real embeddings
 * have: a positive fraction, a negative one, and one JSON writes with an
 * exponent (`9.7e-8`).
 */
export function stubEmbedding(text: string): number[] {
  const sum = [...text].reduce((s, c) => s + c.charCodeAt(0), 0);
  return [text.length / 8, -sum / 997, (text.charCodeAt(0) || 1) / 1e9];
}

/** The words of a text as {@link bagOfWordsEmbedding} counts them: lower-cased runs of letters and digits. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** FNV-1a (32-bit) of a word's UTF-16 code units. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The answer to a request that names `dimensions` (as text-embedding-3 models
 * take it): a bag of words of that length, unit length as OpenAI's are. Each
 * word adds ±1 at a position its hash picks (the hash's low bits the
 * position, its top bit the sign), so texts sharing words are near each
 * other and a test can work out the distances it should see.
 *
 * @example bagOfWordsEmbedding("red apple", 4) // two entries of ±0.7071…, or one of ±1 if the words collide
 */
export function bagOfWordsEmbedding(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const word of wordsOf(text)) {
    const h = wordHash(word);
    v[h % dimensions]! += h & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...v);
  return norm ? v.map((x) => x / norm) : v;
}

function embeddings(input: any) {
  const texts: unknown[] = Array.isArray(input.input) ? input.input : [input.input];
  const tokens = texts.reduce<number>((n, t) => n + String(t).length, 0);
  const dimensions = Number.isInteger(input.dimensions) && input.dimensions > 0 ? (input.dimensions as number) : undefined;
  const embed = (t: string) => (dimensions ? bagOfWordsEmbedding(t, dimensions) : stubEmbedding(t));
  return {
    object: "list",
    data: texts.map((t, index) => ({ object: "embedding", index, embedding: embed(String(t)) })),
    model: input.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
