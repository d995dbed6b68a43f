/** Where a {@link MeasuredResponse} keeps the length of its text body. */
export const TEXT_LENGTH = Symbol("modus.textLength");

/**
 * A Response that remembers the length (UTF-16 units) of a string body, so
 * {@link responseLimit} can pass a small answer without reading it back.
 * Given to Yoga as its `fetchAPI.Response`.
 *
 * @example createYoga({ fetchAPI: { Response: MeasuredResponse } })
 */
export class MeasuredResponse extends Response {
  readonly [TEXT_LENGTH]?: number;

  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    if (typeof body === "string") this[TEXT_LENGTH] = body.length;
  }
}
