// The agents test app (test/agents/app), composed exactly as a generated
// worker entry composes an app: the Worker, and the Durable Object classes
// test/agents/wrangler.toml binds. The `agents` test project runs it as main.
import wasm from "./build/app.wasm";
import manifest from "./build/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { durableObjects } from "../../src/durable-objects";

export default createApp((services) => loadApp(wasm, manifest, services));

export const { ModusAgent, ModusAgentRegistry, ModusCollection } = durableObjects(wasm, manifest);
