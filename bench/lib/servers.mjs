// The bench's other servers, each in its own Node process so the load
// generator's event loop is not theirs: the provider stub (test/support) and
// graphql-yoga on node:http (R6's baseline).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts `node script ...args`; the script prints one JSON line with its `url`.
 * @returns {Promise<{ url: string, pid: number, stop: () => void }>}
 */
function spawnServer(script, args) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let buf = "";
    child.once("exit", (code) => reject(new Error(`${path.basename(script)} exited with ${code} before it listened`)));
    child.stdout.on("data", (d) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      child.stdout.resume();
      const { url } = JSON.parse(buf.slice(0, nl));
      resolve({ url, pid: child.pid, stop: () => child.kill("SIGTERM") });
    });
  });
}

/** The provider stub, answering models named `slow*` after `slowMs`. */
export async function startStub({ root, apiKey, slowMs }) {
  const out = mkdtempSync(path.join(tmpdir(), "modus-edge-stub-"));
  const stub = path.join(out, "provider-stub.mjs");
  // Bundled: the stub is split by provider (test/support/providers/).
  await build({ entryPoints: [path.join(root, "test/support/provider-stub.ts")], outfile: stub, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
  return spawnServer(path.join(here, "stub-main.mjs"), [stub, JSON.stringify({ apiKey, slowMs })]);
}

/** graphql-yoga on node:http serving `sdl` with `sayHello` in JavaScript. */
export function startNodeYoga({ sdl }) {
  return spawnServer(path.join(here, "node-yoga.mjs"), [sdl]);
}

/**
 * A real PostgreSQL (test/support/databases.ts) with the SQL bench app's
 * table and `rows` people in it, for D1 and D2.
 * @returns {Promise<{ host: string, port: number, user: string, password: string, stop: () => Promise<void> }>}
 */
export async function startBenchPostgres({ root, rows }) {
  const out = mkdtempSync(path.join(tmpdir(), "modus-edge-pg-"));
  const file = path.join(out, "databases.mjs");
  await build({ entryPoints: [path.join(root, "test/support/databases.ts")], outfile: file, platform: "node", format: "esm", bundle: true, logLevel: "warning" });
  const { startPostgres } = await import(file);
  const pg = await startPostgres("bench-pg-7d2c1a");
  pg.admin("create table people (id serial primary key, name text not null, age int not null, home point null)");
  const values = Array.from({ length: rows }, (_, i) => `('person ${i}', ${20 + (i % 50)}, point(${i}, ${-i}))`).join(",");
  pg.admin(`insert into people (name, age, home) values ${values}`);
  // The app connects as the database user, not the superuser that made the table.
  pg.admin(`alter table people owner to ${pg.user}`);
  return { host: pg.host, port: pg.port, user: pg.user, password: pg.password, stop: () => pg.close() };
}
