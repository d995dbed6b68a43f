// Gemini's generateContent as generativelanguage.googleapis.com answers it:
// errors as {error:{code,message,status}}, the key in X-Goog-Api-Key or
// ?key=, contents required.
import type { Provider, Reply } from "./types.ts";

const error = (code: number, status: string, message: string, details?: unknown[]): Reply => ({
  status: code,
  body: { error: { code, message, status, ...(details ? { details } : {}) } },
});

/** The model named in a generateContent path, or undefined for another path. */
export const geminiModel = (path: string) => /\/models\/([^/:]+):generateContent$/.exec(path)?.[1];

export const geminiGenerate: Provider = {
  keyOf: (req, url) => url.searchParams.get("key") ?? (req.headers["x-goog-api-key"] as string | undefined),
  unauthorized: (key) =>
    key === undefined
      ? error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
      : error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
        ]),
  badJson: () => error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token."),
  rateLimited: () => error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
  serverError: () => error(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"),
  methodNotAllowed: (method) => error(404, "NOT_FOUND", `Method ${method} is not found for this path.`),
  validate(input) {
    if (!Array.isArray(input.contents) || !input.contents.length) {
      return error(400, "INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified\n");
    }
    return null;
  },
  answer(input, url) {
    const model = geminiModel(url.pathname)!;
    const text = input.contents[input.contents.length - 1]?.parts?.map((p: any) => p.text).join("") ?? "";
    return {
      candidates: [{ content: { parts: [{ text: `model=${model}; user=${text}` }], role: "model" }, finishReason: "STOP", avgLogprobs: -0.0123 }],
      usageMetadata: {
        promptTokenCount: 4,
        candidatesTokenCount: 4,
        totalTokenCount: 8,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: 4 }],
        candidatesTokensDetails: [{ modality: "TEXT", tokenCount: 4 }],
      },
      modelVersion: model,
      responseId: "stub-response-1",
    };
  },
};
