// modus-edge's SDK test app: every SDK module and model interface, behind
// functions with string and number arguments so they are easy to call over GraphQL.
// Functions named *Request build a provider request and return its JSON without calling
// anything; functions named *Response* parse a canned provider response; the rest call the host.
export * from "./openai";
export * from "./embeddings";
export * from "./anthropic";
export * from "./gemini";
export * from "./experimental";
export * from "./http";
export * from "./platform";
export * from "./data";
