import { displayUrl, ModelCallError, type ModelTarget } from "./errors";
import { fetchChecked, RedirectError, refuseRedirects, type NextHop } from "../outbound/fetch";
import { ConnectionError } from "../manifest/connections";
import { SecretError } from "../manifest/secrets";

export interface PostOptions {
  /** Give up after this long; the guest sees a model error. */
  timeoutMs: number;
  /** Where structured call logs go (model, duration, status; never the prompt). */
  log?: (entry: Record<string, unknown>) => void;
  /** Decides each redirect hop (see redirectHop); without it, a redirect is an error. */
  next?: NextHop;
}

/**
 * Posts the SDK's request JSON to the model's endpoint and returns the
 * provider's response text for the guest to parse. Redirects go only where
 * `opts.next` allows. Provider failures (4xx, 5xx, time-outs, unreachable
 * hosts, refused redirects, non-JSON bodies) become a {@link ModelCallError}
 * carrying the provider's status and message.
 *
 * @example const text = await postToModel(target, inputJson, { timeoutMs: 30_000 });
 */
export async function postToModel(target: ModelTarget, body: string, opts: PostOptions): Promise<string> {
  const started = Date.now();
  const headers = new Headers(target.headers);
  headers.set("content-type", "application/json");
  let status: number | undefined;
  try {
    let res: Response;
    try {
      const init = { method: "POST", headers, body, signal: AbortSignal.timeout(opts.timeoutMs) };
      res = await fetchChecked(target.url, init, opts.next ?? refuseRedirects);
    } catch (err) {
      if (err instanceof RedirectError || err instanceof ConnectionError || err instanceof SecretError) {
        throw new ModelCallError(`model ${target.model}: ${err.message}`, 502);
      }
      if ((err as Error)?.name === "TimeoutError") {
        throw new ModelCallError(`model ${target.model}: no response from ${displayUrl(target.url)} within ${opts.timeoutMs} ms`, 504);
      }
      throw new ModelCallError(`model ${target.model}: request to ${displayUrl(target.url)} failed: ${(err as Error)?.message ?? err}`, 502);
    }
    status = res.status;
    const text = await res.text();
    if (!res.ok) {
      const detail = providerMessage(text) ?? (plainText(text).slice(0, 200) || res.statusText);
      throw new ModelCallError(`model ${target.model}: provider returned ${res.status}: ${detail}`, res.status);
    }
    try {
      JSON.parse(text);
    } catch {
      const type = res.headers.get("content-type") ?? "no content type";
      throw new ModelCallError(`model ${target.model}: provider returned a response that is not JSON (${type})`, 502);
    }
    return text;
  } finally {
    opts.log?.({ msg: "model call", model: target.model, url: displayUrl(target.url), status: status ?? null, durationMs: Date.now() - started });
  }
}

// An HTML error page (a proxy's 502, say) read as its text.
const plainText = (body: string) => body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();

/** The error message in an OpenAI, Anthropic or Gemini error body, if any. */
function providerMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === "string") return body.error;
    if (typeof body.error?.message === "string") return body.error.message;
    if (typeof body.message === "string") return body.message;
  } catch {
    // not JSON: the caller falls back to the raw text
  }
  return undefined;
}
