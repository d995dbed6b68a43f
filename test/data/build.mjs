// Builds the data-connection apps (test/data/apps/*) into test/data/build/<name>,
// each in its own process (a compiler transform keeps state between builds in
// one process) and two at a time. Unoptimized: they test the host functions.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const build = path.join(root, "cli", "build.mjs");
const names = readdirSync(path.join(root, "test/data/apps"));

function buildOne(name) {
  const opts = JSON.stringify({
    appDir: path.join(root, "test/data/apps", name),
    outDir: path.join(root, "test/data/build", name),
    target: "dev",
    quiet: true,
  });
  const code = `import(${JSON.stringify(build)}).then((m) => m.buildApp(${opts}))`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (status) => (status === 0 ? resolve() : reject(new Error(`building test/data/apps/${name} failed`))));
  });
}

const queue = [...names];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) await buildOne(queue.shift());
  }),
);
console.log(`built ${names.length} data apps: ${names.join(", ")}`);
