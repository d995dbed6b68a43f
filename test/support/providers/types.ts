import type { IncomingMessage } from "node:http";

/** A status and a JSON body (or, for a proxy's error page, HTML) to send. */
export interface Reply {
  status: number;
  body?: unknown;
  html?: string;
}

/**
 * One provider endpoint as its real server behaves: where it reads the key,
 * its error bodies, the fields it requires, and its success body.
 */
export interface Provider {
  /** The credential the request presents, or undefined when it has none. */
  keyOf(req: IncomingMessage, url: URL): string | undefined;
  unauthorized(key: string | undefined): Reply;
  badJson(): Reply;
  rateLimited(model: string): Reply;
  serverError(): Reply;
  methodNotAllowed(method: string, path: string): Reply;
  /** The provider's 400 for a missing or invalid required field, or null. */
  validate(input: any, req: IncomingMessage): Reply | null;
  answer(input: any, url: URL): unknown;
}
