import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { modusEdge } from "./run-cli";

describe("modus-edge new", () => {
  it("scaffolds an app into an empty folder that then builds, with no node_modules of its own", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "modus-edge-new-")), "my-app");
    const created = await modusEdge("new", dir);
    expect(created.code).toBe(0);
    for (const f of ["package.json", "asconfig.json", "modus.json", "assembly/index.ts", ".gitignore"]) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies)).toEqual(["@hypermode/modus-sdk-as", "json-as", "try-as"]);
    expect(existsSync(path.join(dir, "node_modules"))).toBe(false);
    // the files where local secrets go stay out of git
    expect(readFileSync(path.join(dir, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining([".dev.vars", ".env*.local"]));

    const out = path.join(dir, "..", "out");
    const built = await modusEdge("build", dir, "--out", out);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const module = new WebAssembly.Module(readFileSync(path.join(out, "app.wasm")));
    const metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
    // The scaffold's functions, beside the SDK's agent entry points every app exports (as in Modus).
    expect(Object.keys(metadata.fnExports).filter((n) => !n.startsWith("_modus_agent_")).sort()).toEqual(["generateText", "sayHello"]);
    expect(metadata.plugin).toBe("my-app");
    // the build wrote nothing into the app's sources
    expect(existsSync(path.join(dir, "build"))).toBe(false);
  });

  it("refuses a folder that is not empty", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-new-"));
    writeFileSync(path.join(dir, "keep.txt"), "mine");
    const r = await modusEdge("new", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`modus-edge: ${dir} exists and is not empty\n`);
  });
});
