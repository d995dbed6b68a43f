import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEV_ENV_FILES, loadDevEnv } from "../../cli/env.mjs";

function appWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-env-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Highest precedence first: the order README's "Coming from Modus" documents.
const PRECEDENCE = ["shell", ".dev.vars", ".env.dev.local", ".env.dev", ".env.development.local", ".env.development", ".env.local", ".env"];

describe("the dev server's env", () => {
  it("reads the files in this order, highest first", () => {
    expect(DEV_ENV_FILES).toEqual(PRECEDENCE.slice(1));
  });

  // Each source sets the same variable; it wins over every source below it.
  PRECEDENCE.forEach((winner, i) => {
    it(`takes a variable from ${winner} over ${PRECEDENCE.slice(i + 1).join(", ") || "nothing"}`, () => {
      const below = PRECEDENCE.slice(i).filter((s) => s !== "shell");
      const dir = appWith(Object.fromEntries(below.map((f) => [f, `MODUS_X_API_KEY=from ${f}\n`])));
      const shellEnv = winner === "shell" ? { MODUS_X_API_KEY: "from shell" } : {};
      const { vars, files } = loadDevEnv({ appDir: dir, shellEnv });
      expect(vars.MODUS_X_API_KEY).toBe(`from ${winner}`);
      expect(files).toEqual(below);
    });
  });

  it("merges variables from every source, and parses dotenv syntax", () => {
    const dir = appWith({
      ".env": 'export A=plain # a comment\nB="two\\nlines"\nC=\'single quoted\'\n',
      ".dev.vars": "D=from-dev-vars\n",
    });
    const { vars, shell } = loadDevEnv({ appDir: dir, shellEnv: { MODUS_E: "e", PATH: "/bin", HOME: "/root" } });
    expect(vars).toEqual({ A: "plain", B: "two\nlines", C: "single quoted", D: "from-dev-vars", MODUS_E: "e" });
    expect(shell).toEqual(["MODUS_E"]);
  });

  it("takes from the shell only MODUS_* variables", () => {
    const { vars } = loadDevEnv({ appDir: appWith({}), shellEnv: { OPENAI_API_KEY: "x", MODUS_OPENAI_API_KEY: "y", AWS_SECRET: "z" } });
    expect(vars).toEqual({ MODUS_OPENAI_API_KEY: "y" });
  });
});
