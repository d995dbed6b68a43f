// The bench's agents app (test/agents/app) behind `/agents/*`: composed as a
// generated worker entry composes any app, beside the example app. Its
// Durable Object classes are exported from bench/worker.ts (the main module).
import wasm from "../build/agents/app.wasm";
import manifest from "../build/agents/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { durableObjects } from "../../src/durable-objects";

const agentsApp = createApp((services) => loadApp(wasm, manifest, services));

/** The agents app's fetch, for requests whose path starts with `/agents`. */
export function agentsFetch(request: Request, env: unknown, ctx: ExecutionContext): Response | Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice("/agents".length) || "/";
  return agentsApp.fetch(new Request(url, request), env as Record<string, unknown>, ctx);
}

export const agentObjects = durableObjects(wasm, manifest);
