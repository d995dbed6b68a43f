import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startProviderStub, type ProviderStub } from "../support/provider-stub";
import { ask as askDev, freePort, until } from "./dev-server";

const cli = path.resolve("bin/modus-edge.mjs");

// The server restarts while the app rebuilds: a refused connection reads as "no answer yet".
const ask = (port: number, query: string): Promise<any> => askDev(port, query).catch(() => undefined);

describe("modus-edge dev", () => {
  let child: ChildProcess | undefined;
  let stub: ProviderStub | undefined;
  let output = "";
  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, "SIGTERM");
    await stub?.close();
  });

  it("serves the app, rebuilds on save, keeps serving through a compile error", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "modus-edge-dev-"));
    const app = path.join(root, "app");
    cpSync(path.resolve("functions"), app, { recursive: true });
    // generateExcuses calls the model through the SDK's JSON classes: it shows a rebuild kept their serializers.
    stub = await startProviderStub({ apiKey: "sk-dev-test" });
    writeFileSync(path.join(app, ".dev.vars"), `MODUS_OPENAI_API_KEY=sk-dev-test\nMODUS_OPENAI_ORIGIN=${new URL(stub.url).origin}\n`);
    const port = await freePort();
    child = spawn(process.execPath, [cli, "dev", app, "--port", String(port), "--out", path.join(root, "out")], {
      detached: true,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));

    const first = await until(async () => (await ask(port, '{ sayHello(name: "dev") }'))?.data, 90_000);
    expect(first).toEqual({ sayHello: "Hello, dev!" });
    expect(output).toContain(`modus-edge: GraphQL at http://127.0.0.1:${port}/graphql`);

    const source = path.join(app, "assembly", "index.ts");
    const original = readFileSync(source, "utf8");
    writeFileSync(source, original.replace('"Hello, " + name', '"Howdy, " + name'));
    const saved = Date.now();
    const changed = await until(async () => {
      const data = (await ask(port, '{ sayHello(name: "dev") }'))?.data;
      return data?.sayHello === "Howdy, dev!" ? data : undefined;
    }, 60_000);
    expect(changed).toEqual({ sayHello: "Howdy, dev!" });
    console.log(`hot reload: new answer ${Date.now() - saved} ms after the first save`);
    const excuse = await ask(port, '{ generateExcuses(event: "the rebuild") }');
    expect(excuse.errors).toBeUndefined();
    expect(excuse.data.generateExcuses).toMatch(/^model=gpt-4o; .*user=Give me an excuse for missing the rebuild\./);

    // An editor that saves by renaming a new file over the old one (vim does)
    const replaced = original.replace('"Hello, " + name', '"Hey, " + name');
    writeFileSync(source + ".swp", replaced);
    renameSync(source + ".swp", source);
    const savedAgain = Date.now();
    const again = await until(async () => {
      const data = (await ask(port, '{ sayHello(name: "dev") }'))?.data;
      return data?.sayHello === "Hey, dev!" ? data : undefined;
    }, 60_000);
    expect(again).toEqual({ sayHello: "Hey, dev!" });
    console.log(`hot reload: new answer ${Date.now() - savedAgain} ms after a save by rename`);

    writeFileSync(source, original + "\nexport function broken(): i32 { return nope; }\n");
    await until(async () => (output.includes("Cannot find name 'nope'") ? true : undefined), 60_000);
    expect(output).toMatch(/assembly\/index\.ts:\d+:\d+: error TS2304: Cannot find name 'nope'\./);
    expect(output).toContain("(still serving the last good build)");
    expect((await ask(port, '{ sayHello(name: "dev") }'))?.data).toEqual({ sayHello: "Hey, dev!" });
  });
});
