import { JSON } from "json-as";
import * as host from "./externals/http";

// Request, Response, Headers and Header cross the ABI (`modus_http_client.fetch`):
// the host reads and writes them by their metadata layout, so their fields and
// field order must stay as they are.

// @ts-expect-error: decorator
@lazy const noBody = new ArrayBuffer(0);

/**
 * Sends an HTTP request through the host and returns its response. The URL must
 * fall under an `http` connection in modus.json, whose headers the host adds.
 * Throws when the host refused or failed the request (the reason is logged).
 *
 * @example
 *   const res = http.fetch("https://api.example.com/items", { method: "POST", body: http.Content.from(item) });
 *   if (res.ok) return res.json<Item>();
 */
export function fetch<T>(requestOrUrl: T, options: RequestOptions = new RequestOptions()): Response {
  let request: Request;
  if (isString<T>()) {
    request = new Request(changetype<string>(requestOrUrl), options);
  } else if (idof<T>() == idof<Request>()) {
    request = Request.clone(changetype<Request>(requestOrUrl), options);
  } else {
    throw new Error("Unsupported request type.");
  }
  const response = host.fetch(request);
  if (!response) throw new Error("HTTP fetch failed. Check the logs for more information.");
  return response;
}

/** The options of a request: method (default GET), headers and body. */
export class RequestOptions {
  method: string | null = null;
  headers: Headers = new Headers();
  body: Content | null = null;
}

/**
 * An outgoing HTTP request.
 *
 * @example const req = new http.Request("https://example.com/", { method: "GET" } as http.RequestOptions);
 */
export class Request {
  readonly url: string;
  /** Upper-cased, e.g. "GET". */
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer;

  constructor(url: string, options: RequestOptions = new RequestOptions()) {
    const method = options.method;
    const body = options.body;
    this.url = url;
    this.method = method ? method.toUpperCase() : "GET";
    this.headers = options.headers;
    this.body = body ? body.data : noBody;
  }

  /** A copy of `request` with any method, headers or body given in `options` replacing its own. */
  static clone(request: Request, options: RequestOptions = new RequestOptions()): Request {
    const merged = new RequestOptions();
    const method = options.method;
    merged.method = method ? method : request.method;
    const body = options.body;
    merged.body = body ? body : Content.from(request.body);
    merged.headers = options.headers.entries().length > 0 ? options.headers : request.headers;
    return new Request(request.url, merged);
  }

  bytes(): Uint8Array {
    return Uint8Array.wrap(this.body);
  }

  text(): string {
    return String.UTF8.decode(this.body);
  }

  json<T>(): T {
    return JSON.parse<T>(this.text());
  }
}

/**
 * A request or response body.
 *
 * @example http.Content.from({ name: "x" } as Item); http.Content.from("text"); http.Content.from(bytes);
 */
export class Content {
  readonly data: ArrayBuffer;

  private constructor(data: ArrayBuffer) {
    this.data = data;
  }

  /** Bytes (`ArrayBuffer`, `Uint8Array`) as they are, a string as UTF-8, anything else as JSON. */
  static from<T>(value: T): Content {
    if (idof<T>() == idof<ArrayBuffer>()) return new Content(changetype<ArrayBuffer>(value));
    if (idof<T>() == idof<Uint8Array>()) {
      const view = changetype<Uint8Array>(value);
      // A view may cover part of its buffer: copy exactly the bytes it shows.
      if (view.byteOffset == 0 && view.byteLength == view.buffer.byteLength) return new Content(view.buffer);
      return new Content(view.slice(0).buffer);
    }
    if (isString<T>()) return new Content(String.UTF8.encode(changetype<string>(value)));
    return Content.from(JSON.stringify(value));
  }

  bytes(): Uint8Array {
    return Uint8Array.wrap(this.data);
  }

  text(): string {
    return String.UTF8.decode(this.data);
  }

  json<T>(): T {
    return JSON.parse<T>(this.text());
  }
}

/** An HTTP response, built by the host. */
export class Response {
  readonly status: u16 = 0;
  readonly statusText: string = "";
  readonly headers: Headers = new Headers();
  readonly body: ArrayBuffer = noBody;

  private constructor() {}

  /** Whether the status is 2xx. */
  get ok(): bool {
    return this.status >= 200 && this.status < 300;
  }

  bytes(): Uint8Array {
    return Uint8Array.wrap(this.body);
  }

  text(): string {
    return String.UTF8.decode(this.body);
  }

  json<T>(): T {
    return JSON.parse<T>(this.text());
  }
}

/** One header name (as first written) and all of its values. */
class Header {
  name!: string;
  values!: string[];
}

/**
 * HTTP headers, matched case-insensitively; a name may have several values.
 *
 * @example const h = http.Headers.from([["Accept", "application/json"]]);
 */
export class Headers {
  // Keyed by the lower-cased name.
  private data: Map<string, Header> = new Map<string, Header>();

  /** Adds a value, after any values the header already has. */
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    if (this.data.has(key)) {
      this.data.get(key).values.push(value);
    } else {
      this.data.set(key, { name, values: [value] });
    }
  }

  /** Every `[name, value]` pair, a header with several values giving several pairs. */
  entries(): string[][] {
    const out: string[][] = [];
    const headers = this.data.values();
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i];
      for (let j = 0; j < h.values.length; j++) out.push([h.name, h.values[j]]);
    }
    return out;
  }

  /** The header's values joined with ",", or null when it is absent. */
  get(name: string): string | null {
    const key = name.toLowerCase();
    if (!this.data.has(key)) return null;
    return this.data.get(key).values.join(",");
  }

  /** Headers from `string[][]` (name then values), `Map<string, string>` or `Map<string, string[]>`. */
  static from<T>(value: T): Headers {
    const headers = new Headers();
    if (idof<T>() == idof<string[][]>()) {
      const rows = changetype<string[][]>(value);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        for (let j = 1; j < row.length; j++) headers.append(row[0], row[j]);
      }
    } else if (idof<T>() == idof<Map<string, string>>()) {
      const map = changetype<Map<string, string>>(value);
      const names = map.keys();
      for (let i = 0; i < names.length; i++) headers.append(names[i], map.get(names[i]));
    } else if (idof<T>() == idof<Map<string, string[]>>()) {
      const map = changetype<Map<string, string[]>>(value);
      const names = map.keys();
      for (let i = 0; i < names.length; i++) {
        const values = map.get(names[i]);
        for (let j = 0; j < values.length; j++) headers.append(names[i], values[j]);
      }
    } else {
      throw new Error("Unsupported value type to create headers from.");
    }
    return headers;
  }
}
