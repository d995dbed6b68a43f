// The README's "Limits and security" table is the users' copy of the limits
// table (src/limits): every limit there, with the default the code uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/limits";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.split(/^## /m).find((s) => s.startsWith("Limits and security"))!;
const rows = section.split("\n").filter((line) => line.startsWith("|"));

// How the README writes a default: with its unit, thousands separated.
function written(env: string, value: number): string {
  if (env.endsWith("_MS")) return `${value} ms`;
  if (env.endsWith("_MB")) return `${value} MiB`;
  if (value >= 1 << 20 && value % (1 << 20) === 0) return `${value / (1 << 20)} MiB`;
  return value.toLocaleString("en-US");
}

describe("README, Limits and security", () => {
  it("has the section and its table", () => {
    expect(section).toBeDefined();
    expect(rows.length).toBeGreaterThan(LIMITS.length);
  });

  it.each(LIMITS.map((l) => [l.env, l.default] as const))("lists %s with its default, %d", (env, value) => {
    const row = rows.find((r) => r.includes(`\`${env}\``));
    expect(row, `no row names ${env}`).toBeDefined();
    const cells = row!.split("|").map((c) => c.trim());
    // | what | env variable | default | when it is reached |
    expect(cells[3]).toMatch(new RegExp(`^${written(env, value)}( bytes)?$`));
  });
});
