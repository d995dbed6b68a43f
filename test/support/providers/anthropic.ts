// Anthropic's Messages API as api.anthropic.com answers it: errors as
// {type:"error",error:{type,message},request_id}, the anthropic-version
// header and the model, max_tokens and messages fields required.
import type { Provider, Reply } from "./types.ts";
import { textOf } from "./openai.ts";

const error = (status: number, type: string, message: string): Reply => ({
  status,
  body: { type: "error", error: { type, message }, request_id: "req_011Stub" },
});

export const anthropicMessages: Provider = {
  keyOf: (req) => req.headers["x-api-key"] as string | undefined,
  unauthorized: (key) => error(401, "authentication_error", key === undefined ? "x-api-key header is required" : "invalid x-api-key"),
  badJson: () => error(400, "invalid_request_error", "There was an issue with the JSON body of your request"),
  rateLimited: () => error(429, "rate_limit_error", "Number of requests has exceeded your per-minute rate limit"),
  serverError: () => error(500, "api_error", "Internal server error"),
  methodNotAllowed: (method, path) => error(405, "invalid_request_error", `Method ${method} not allowed for ${path}`),
  validate(input, req) {
    if (!req.headers["anthropic-version"]) return error(400, "invalid_request_error", "anthropic-version: header is required");
    for (const field of ["model", "max_tokens", "messages"]) {
      if (input[field] === undefined) return error(400, "invalid_request_error", `${field}: Field required`);
    }
    if (!Number.isInteger(input.max_tokens) || input.max_tokens < 1) {
      return error(400, "invalid_request_error", "max_tokens: Input should be greater than or equal to 1");
    }
    return null;
  },
  answer(input) {
    const last = input.messages[input.messages.length - 1];
    return {
      id: "msg_01Stub",
      type: "message",
      role: "assistant",
      model: input.model,
      content: [{ type: "text", text: `system=${textOf(input.system)}; user=${textOf(last?.content)}; max_tokens=${input.max_tokens}` }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 5, service_tier: "standard" },
    };
  },
};
