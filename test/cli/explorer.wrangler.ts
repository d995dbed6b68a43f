// Starts the built app under `wrangler dev` on 127.0.0.1, offline, for tests
// that need the Worker with its static assets (the explorer).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningWorker {
  url: string;
  /** Everything wrangler printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` of this repo's wrangler.toml with the given vars, ready once
 * `/health` answers. Stop it in `afterAll`.
 *
 * @example const worker = await startWrangler({ vars: { MODUS_ENV: "dev" } });
 */
export async function startWrangler({ vars = {}, timeoutMs = 90_000 }: { vars?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningWorker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(path.join(tmpdir(), "modus-edge-state-"));
  const args = [
    path.resolve("node_modules/wrangler/bin/wrangler.js"), "dev",
    "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", state,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  // Its own process group, so stopping it also stops workerd.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" },
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const worker: RunningWorker = {
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      await exited;
      rmSync(state, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${worker.url}/health`)).ok) return worker;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await worker.stop();
  throw new Error(`wrangler dev did not answer /health within ${timeoutMs} ms:\n${log}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
