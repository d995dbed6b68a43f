import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../../cli/build.mjs";
import { MemoryPool } from "../../src/wasm/pool";
import { functionIndex, guestFunction } from "../../src/wasm/functions";

// The transform's agent work, seen in built modules: the SDK's entry points
// are exports of every app, and an agent's events serialize even when the
// module is the second one built in a process (as `modus-edge dev` rebuilds).

const AGENT_EXPORTS = ["_modus_agent_activate", "_modus_agent_handle_event", "_modus_agent_handle_message", "_modus_agent_get_state", "_modus_agent_set_state"];

/** Activates the Counter agent in a fresh instance, increments it, and returns what it published. */
function incrementCounter(wasm: Buffer): string[] {
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  const published: string[] = [];
  let ex: any;
  const str = (p: number) => (p ? Buffer.from(ex.memory.buffer, p, new DataView(ex.memory.buffer).getUint32(p - 4, true)).toString("utf16le") : null);
  const newStr = (s: string) => {
    const bytes = Buffer.from(s, "utf16le");
    const p = ex.__pin(ex.__new(bytes.length, 2));
    new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
    return p;
  };
  const imports: Record<string, Record<string, unknown>> = {};
  for (const i of WebAssembly.Module.imports(module)) {
    // modus-edge build makes the module import its memory (cli/memory-import.mjs).
    if (i.kind === "memory") {
      (imports[i.module] ??= {})[i.name] = MemoryPool.forModule(module)!.acquire();
      continue;
    }
    (imports[i.module] ??= {})[i.name] = (...args: number[]) => {
      if (i.name === "publishEvent") published.push(`${str(args[1]!)} ${str(args[2]!)}`);
      if (i.name === "logMessage") published.push(`log ${str(args[0]!)}: ${str(args[1]!)}`);
      if (i.name === "proc_exit") throw new Error(`exit ${args[0]}`);
      return 0;
    };
  }
  const instance = new WebAssembly.Instance(module, imports as WebAssembly.Imports).exports as Record<string, unknown>;
  const index = functionIndex(module);
  // The runtime's exports, and the app's functions by name from its table.
  ex = new Proxy(instance, { get: (target, name) => (typeof name === "string" && guestFunction(target, index, name)) || target[name as string] });
  ex._initialize();
  ex._modus_agent_activate(newStr("Counter"), newStr("agent-1"));
  ex._modus_agent_handle_message(newStr("increment"), 0);
  return published;
}

describe("the transform's agent entry points", () => {
  it("are exports of an app that never mentions agents, recorded in its metadata as Modus records them", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "modus-edge-transform-"));
    await buildApp({ appDir: "functions", outDir: out, target: "dev", quiet: true });
    const module = new WebAssembly.Module(readFileSync(path.join(out, "app.wasm")));
    // modus-edge build keeps an app's functions in an exported table (cli/export-table.mjs), indexed by name.
    const exported = [...(functionIndex(module) ?? new Map()).keys(), ...WebAssembly.Module.exports(module).map((e) => e.name)];
    for (const name of AGENT_EXPORTS) expect(exported).toContain(name);
    const metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
    expect(metadata.fnExports._modus_agent_activate).toEqual({
      parameters: [
        { name: "name", type: "~lib/string/String" },
        { name: "id", type: "~lib/string/String" },
      ],
    });
    // No agents registered: no agent host functions imported.
    expect(WebAssembly.Module.imports(module).filter((i) => i.module === "modus_agents")).toEqual([]);
  }, 120_000);

  it("leave events serializable when two apps are built in one process", async () => {
    const outs = [mkdtempSync(path.join(tmpdir(), "modus-edge-twice-")), mkdtempSync(path.join(tmpdir(), "modus-edge-twice-"))];
    for (const out of outs) await buildApp({ appDir: "test/agents/app", outDir: out, target: "dev", quiet: true });
    for (const out of outs) {
      expect(incrementCounter(readFileSync(path.join(out, "app.wasm")))).toEqual(['countUpdated {"count":1}']);
    }
  }, 240_000);
});
