import { describe, expect, it, onTestFinished } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { modusEdge } from "./run-cli";

// An app from the CLI's template with extra source appended to assembly/index.ts.
function appWith(source: string, manifest?: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-imports-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.resolve("cli/template"), dir, { recursive: true });
  const entry = path.join(dir, "assembly/index.ts");
  writeFileSync(entry, readFileSync(entry, "utf8") + "\n" + source);
  if (manifest) writeFileSync(path.join(dir, "modus.json"), JSON.stringify(manifest));
  return dir;
}

describe("modus-edge build refuses a module whose host imports the runtime does not provide", () => {
  it("names an unknown function of a known module, and what that module has", async () => {
    const app = appWith(`
// @ts-expect-error: decorator
@external("modus_sql_client", "executeMany")
declare function executeMany(statement: string): string;
export function useIt(): string { return executeMany("select 1"); }
`);
    const out = mkdtempSync(path.join(tmpdir(), "modus-edge-imports-out-"));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const { code, stderr } = await modusEdge("build", app, "--out", out);
    expect(code).toBe(1);
    expect(stderr).toContain("imports host functions modus-edge does not provide");
    expect(stderr).toContain('modus_sql_client.executeMany: modus-edge provides no such host function ("modus_sql_client" has executeQuery)');
  }, 120_000);

  it("names an unknown module, and a known function imported with another signature", async () => {
    const app = appWith(`
// @ts-expect-error: decorator
@external("modus_teleport", "beam")
declare function beam(to: string): void;
// @ts-expect-error: decorator
@external("modus_neo4j_client", "executeQuery")
declare function neo(connection: string): string;
export function useBoth(): string { beam("mars"); return neo("x"); }
`);
    const out = mkdtempSync(path.join(tmpdir(), "modus-edge-imports-out-"));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const first = await modusEdge("build", app, "--out", out);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('modus_teleport.beam: modus-edge provides no such host function (no "modus_teleport" module)');

    const only = appWith(`
// @ts-expect-error: decorator
@external("modus_neo4j_client", "executeQuery")
declare function neo(connection: string): string;
export function useNeo(): string { return neo("x"); }
`);
    const second = await modusEdge("build", only, "--out", out);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("modus_neo4j_client.executeQuery is imported as (string, string), but modus-edge provides (string, string, string, string, EagerResult)");
  }, 240_000);
});

describe("modus-edge build writes drivers.ts with only the database drivers the app uses", () => {
  // test/data/build holds the data apps, built by npm run build:fixtures.
  const drivers = (app: string) => readFileSync(path.resolve("test/data/build", app, "drivers.ts"), "utf8");

  it("a MySQL app gets mysql2 only; apps without SQL connections get none", () => {
    expect(drivers("mysql")).toMatch(/import \{ mysqlDriver \}/);
    expect(drivers("mysql")).not.toMatch(/postgresDriver/);
    expect(drivers("mysql")).toContain("const drivers: SqlDrivers = { mysql: mysqlDriver };");
    for (const app of ["graphql", "dgraph", "neo4j"]) expect(drivers(app)).toContain("const drivers: SqlDrivers = {};");
    // The PostgreSQL app also declares a mysql connection (for an error test): both.
    expect(drivers("postgresql")).toContain("{ postgresql: postgresDriver, mysql: mysqlDriver }");
  });
});
