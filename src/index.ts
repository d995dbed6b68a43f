// The composition root: the app's precompiled module and manifest, loaded once per isolate.
import wasm from "../build/app.wasm";
import manifest from "../build/modus.json";
// Written by modus-edge build: only the database drivers the app's connections use.
import drivers from "../build/drivers.ts";
import { createApp } from "./app";
import { loadApp } from "./load";
import { durableObjects } from "./durable-objects";

export default createApp((services) => loadApp(wasm, manifest, services, { sql: drivers }));

// The Durable Object classes wrangler.toml binds (one object per agent, their registry, one per collection).
export const { ModusAgent, ModusAgentRegistry, ModusCollection } = durableObjects(wasm, manifest, { sql: drivers });
