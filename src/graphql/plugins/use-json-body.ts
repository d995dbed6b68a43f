import { createGraphQLError, type Plugin } from "graphql-yoga";

export interface JsonBodyOptions {
  /** Largest request body read, in bytes (graphql-yoga's own default). */
  maxBytes?: number;
}

const badRequest = (message: string) => createGraphQLError(message, { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });
const tooLarge = () => createGraphQLError("Request body too large", { extensions: { http: { status: 413 }, code: "REQUEST_ENTITY_TOO_LARGE" } });

/**
 * Reads JSON POST bodies for Yoga, bounded by `maxBytes`, in place of Yoga's
 * own parser and body limit (turn that off: `maxRequestBodySize: false`).
 * Yoga's limit re-streams every body through a TransformStream into a new
 * Request, which costs more than the rest of parsing; here a declared
 * Content-Length is checked up front (the runtime holds the body to it) and
 * only a body without one is counted as it arrives. Errors are Yoga's own.
 *
 * @example createYoga({ maxRequestBodySize: false, plugins: [useJsonBody({ maxBytes: 1 << 20 })] })
 */
export function useJsonBody({ maxBytes = 25_000_000 }: JsonBodyOptions = {}): Plugin {
  const parse = async (request: Request) => {
    const text = await readBody(request, maxBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      // With the cause attached, Yoga answers 400 even to a client that accepts only application/json.
      const { name, message } = err as Error;
      throw createGraphQLError("POST body sent invalid JSON.", {
        extensions: { http: { spec: true, status: 400 }, code: "BAD_REQUEST", originalError: { name, message } },
      });
    }
    if (body === null || typeof body !== "object") {
      throw badRequest(`POST body is expected to be object but received ${body === null ? "null" : typeof body}`);
    }
    return body as Record<string, unknown>;
  };
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === "POST" && isJson(request.headers.get("content-type"))) setRequestParser(parse);
    },
  };
}

function isJson(type: string | null): boolean {
  const base = type?.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base === "application/graphql+json";
}

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const length = request.headers.get("content-length");
  if (length !== null) {
    // Only one non-negative integer is a Content-Length; a list is a smuggling attempt.
    if (!/^\d+$/.test(length)) throw badRequest("Content-Length header is invalid.");
    if (Number(length) > maxBytes) throw tooLarge();
    return request.text();
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) all.set(c, (at += c.byteLength) - c.byteLength);
  return decoder.decode(all);
}
