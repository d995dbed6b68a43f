/**
 * A model call failed. The message names the model and, when the provider
 * answered, its status and own message; it never holds a credential.
 */
export class ModelCallError extends Error {
  override name = "ModelCallError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Where a model call goes, resolved from the manifest and env (secrets applied). */
export interface ModelTarget {
  /** The model's name in modus.json. */
  model: string;
  url: string;
  headers: Headers;
}

/** The part of a URL safe to show: no query string (it may carry a key), no userinfo. */
export const displayUrl = (url: string): string => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};
