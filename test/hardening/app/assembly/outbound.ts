import { http, models } from "@hypermode/modus-sdk-as";
import { OpenAIChatModel, UserMessage } from "@hypermode/modus-sdk-as/models/openai/chat";

/** GETs `url` and returns "<status> <body>". */
export function fetchText(url: string): string {
  const res = http.fetch(url);
  return `${res.status} ${res.text()}`;
}

/** POSTs `body` to `url` as JSON and returns "<status> <body>". */
export function postText(url: string, body: string): string {
  const options = new http.RequestOptions();
  options.method = "POST";
  options.headers = http.Headers.from([["Content-Type", "application/json"]]);
  options.body = http.Content.from(body);
  const res = http.fetch(url, options);
  return `${res.status} ${res.text()}`;
}

/** GETs `url` with one header `name: value` of the caller's choosing. */
export function fetchWithHeader(url: string, name: string, value: string): string {
  const options = new http.RequestOptions();
  options.headers = http.Headers.from([[name, value]]);
  const res = http.fetch(url, options);
  return `${res.status} ${res.text()}`;
}

/** Asks model `name` (an OpenAI chat model) one question. */
export function ask(name: string, prompt: string): string {
  const model = models.getModel<OpenAIChatModel>(name);
  return model.invoke(model.createInput([new UserMessage(prompt)])).choices[0].message.content;
}

/** Fetches `url` `times` times, one after another, and counts the answers. */
export function fetchMany(url: string, times: i32): i32 {
  let ok = 0;
  for (let i = 0; i < times; i++) if (http.fetch(url).ok) ok++;
  return ok;
}
