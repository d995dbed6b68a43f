// npm run bench:collections [-- --quick]   (the collections section of `npm run bench` alone)
// Builds the example, agents and collections apps, serves bench/worker.ts
// under miniflare with the provider stub, and prints the collections table.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./lib/build.mjs";
import { startBenchWorker } from "./lib/worker.mjs";
import { startStub } from "./lib/servers.mjs";
import { collectionsReport, measureCollections } from "./lib/collections.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const API_KEY = "sk-bench-3c1d";
const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`);

// bench/worker.ts imports every bench app.
for (const [name, dir] of [["example", "functions"], ["large", "bench/apps/large"], ["agents", "test/agents/app"], ["collections", "bench/apps/collections"]]) {
  await buildIfStale({ root, appDir: path.join(root, dir), outDir: path.join(root, "bench/build", name) });
}
const stub = await startStub({ root, apiKey: API_KEY });
let worker;
try {
  worker = await startBenchWorker({
    root,
    bindings: { MODUS_ENV: "dev", MODUS_OPENAI_API_KEY: API_KEY, MODUS_OPENAI_ORIGIN: stub.url },
    durableObjects: Object.fromEntries(
      JSON.parse(readFileSync(path.join(root, "src/durable-objects.json"), "utf8")).classes.map((c) => [c.binding, { className: c.className, useSQLite: true }]),
    ),
  });
  const result = await measureCollections({ url: worker.directUrl, vectors: 10_000, batch: 500, samples: quick ? 20 : 100, limit: 10, log });
  process.stdout.write(collectionsReport(result) + "\n");
} finally {
  await worker?.dispose();
  stub.stop();
}
