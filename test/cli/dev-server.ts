// Runs `modus-edge dev` as a user does, in its own process group, for tests.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const cli = path.resolve("bin/modus-edge.mjs");

export interface DevServer {
  port: number;
  /** Everything the command printed so far. */
  output(): string;
  /** The command lines of every process of the server (the command, workerd, build processes). */
  processes(): string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `modus-edge dev <args> --port <free port>` with the given extra
 * environment, and resolves once `/health` answers.
 *
 * @example const dev = await startDev(["functions", "--out", "/tmp/out"]);
 */
export async function startDev(args: string[], { env = {}, timeoutMs = 150_000 } = {}): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, "dev", ...args, "--port", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const server: DevServer = {
    port,
    output: () => log,
    processes: () =>
      execFileSync("ps", ["-eo", "pgid=,args="], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line.trim().split(/\s+/)[0] === String(child.pid))
        .map((line) => line.trim().replace(/^\d+\s+/, "")),
    stop: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`modus-edge dev exited with ${child.exitCode}:\n${log}`);
    return (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok || undefined;
  }, timeoutMs).catch(async (err) => {
    await server.stop();
    throw new Error(`${err.message}\n${log}`);
  });
  return server;
}

/** Posts a GraphQL query to a dev server; the parsed body. */
export async function ask(port: number, query: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return await res.json();
}

/** Polls `probe` every 100 ms until it returns a value (not undefined). */
export async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
