// The URL normalisation behind the http allow-list. A URL is compared only
// after the WHATWG parser has settled what a server will see, and shapes
// that parsers or servers read differently are refused outright.

// Backslashes, whitespace and control characters: the URL parser silently
// rewrites or drops them (`\` becomes `/`, tabs vanish), so the text a
// function wrote is not the URL that would be fetched.
const AMBIGUOUS_CHARACTERS = /[\\\s\x00-\x1f\x7f]/;

/**
 * The parsed http(s) URL, or null when it is not one or has a shape the
 * allow-list refuses: user info, ambiguous characters, or a path segment that
 * still decodes to `.`, `..` or a slash after parsing (`..%2f`).
 *
 * @example safeHttpUrl("https://api.openai.com@evil.com/") // null
 */
export function safeHttpUrl(raw: string): URL | null {
  if (AMBIGUOUS_CHARACTERS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === "." || decoded === ".." || /[/\\]/.test(decoded)) return null;
  }
  return url;
}

/**
 * What the allow-list compares: scheme, host, non-default port and path;
 * query and fragment dropped. The parser has already lower-cased scheme and
 * host; the path keeps its case, as servers treat `/API/` and `/api/` as
 * different paths.
 *
 * @example comparable(new URL("HTTPS://API.example.com:443/V1/x?q=1")) // "https://api.example.com/V1/x"
 */
export function comparable(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
