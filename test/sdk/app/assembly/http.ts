import { http } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";

/** GETs `url` and returns the response body as text. */
export function httpGetText(url: string): string {
  return http.fetch(url).text();
}

/** GETs `url` and returns "<status> <statusText> ok=<bool>". */
export function httpGetStatus(url: string): string {
  const res = http.fetch(url);
  return `${res.status} ${res.statusText} ok=${res.ok}`;
}

/** GETs `url` and returns the value of response header `name` (values joined with ","). */
export function httpResponseHeader(url: string, name: string): string | null {
  return http.fetch(url).headers.get(name);
}

/** POSTs `json` to `url` with a JSON content type and returns the response body. */
export function httpPostJson(url: string, json: string): string {
  const options = new http.RequestOptions();
  options.method = "post";
  options.headers = http.Headers.from([["Content-Type", "application/json"], ["X-Test", "a", "b"]]);
  options.body = http.Content.from(json);
  return http.fetch(url, options).text();
}

/** Sends a prepared `Request` with a method and text body, overriding nothing else. */
export function httpSendRequest(url: string, method: string, body: string): string {
  const options = new http.RequestOptions();
  options.method = method;
  options.body = http.Content.from(body);
  const request = new http.Request(url, options);
  const res = http.fetch(request);
  return `${res.status}:${res.text()}`;
}

/** Builds a request without sending it and describes it: method, url, headers, body. */
export function httpDescribeRequest(url: string, method: string, body: string): string {
  const headers = new Map<string, string[]>();
  headers.set("Accept", ["application/json", "text/plain"]);
  const options = new http.RequestOptions();
  options.method = method;
  options.headers = http.Headers.from(headers);
  options.body = http.Content.from(body);
  const original = new http.Request(url, options);
  // A clone with only a new method keeps the headers and body.
  const changes = new http.RequestOptions();
  changes.method = "put";
  const clone = http.Request.clone(original, changes);
  const accept = clone.headers.get("accept");
  return [original.method, clone.method, clone.url, accept ? accept : "", clone.text()].join("|");
}

/** `Headers.from` a JSON object of names to values, as its entries JSON. */
export function httpHeaderEntries(headersJson: string): string {
  const map = JSON.parse<Map<string, string>>(headersJson);
  const headers = http.Headers.from(map);
  headers.append("x-extra", "1");
  return JSON.stringify(headers.entries());
}

/** POSTs `bytes` as a binary body to `url` and returns the response body's bytes. */
export function httpPostBytes(url: string, bytes: u8[]): u8[] {
  const body = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) body[i] = bytes[i];
  const options = new http.RequestOptions();
  options.method = "POST";
  options.headers = http.Headers.from([["Content-Type", "application/octet-stream"]]);
  options.body = http.Content.from(body);
  const received = http.fetch(url, options).bytes();
  const out = new Array<u8>(received.length);
  for (let i = 0; i < received.length; i++) out[i] = received[i];
  return out;
}
