// @ts-check
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const METADATA_VERSION = 2;

/**
 * @typedef {import("./extractor.js").ProgramInfo} ProgramInfo
 * @typedef {import("./extractor.js").Signature} Signature
 */

/**
 * Assembles the version-2 metadata document. Map values omit their own name
 * (the key carries it), as Modus's reader expects.
 * @param {ProgramInfo} info
 * @param {string} baseDir the app folder
 */
export function buildMetadata(info, baseDir) {
  /** @type {Record<string, unknown>} */
  const doc = {
    plugin: pluginName(baseDir),
    sdk: sdkName(),
    buildId: buildId(),
    buildTs: new Date().toISOString(),
  };
  const git = gitInfo(baseDir);
  if (git.repo) doc.gitRepo = git.repo;
  if (git.commit) doc.gitCommit = git.commit;
  doc.fnExports = Object.fromEntries(info.exports.map((f) => [f.name, signatureJson(f)]));
  doc.fnImports = Object.fromEntries(info.imports.map((f) => [f.name, signatureJson(f)]));
  doc.types = Object.fromEntries(
    info.types.map((t) => [t.name, { id: t.id, fields: t.fields, docs: t.docs }]),
  );
  return doc;
}

/** @param {Signature} f */
function signatureJson(f) {
  /** @type {Record<string, unknown>} */
  const out = {};
  if (f.parameters.length) out.parameters = f.parameters;
  if (f.result !== "void") out.results = [{ type: f.result }];
  if (f.docs) out.docs = f.docs;
  return out;
}

/** @param {string} dir */
function pluginName(dir) {
  const pkgFile = path.join(dir, "package.json");
  if (existsSync(pkgFile)) {
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
    if (typeof pkg.name === "string" && pkg.name) return pkg.name.split("/").pop();
  }
  return path.basename(path.resolve(dir));
}

function sdkName() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(readFileSync(path.join(here, "..", "package.json"), "utf8"));
  return `modus-sdk-as@${pkg.version}`;
}

// An xid-like id: 4 bytes of seconds then 8 random bytes, base32hex, 20 chars.
function buildId() {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.floor(Date.now() / 1000), 0);
  randomBytes(8).copy(bytes, 4);
  const alphabet = "0123456789abcdefghijklmnopqrstuv";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** @param {string} dir */
function gitInfo(dir) {
  const git = (/** @type {string[]} */ ...args) => {
    try {
      return execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
    } catch {
      return "";
    }
  };
  const commit = git("rev-parse", "HEAD");
  if (!commit) return {};
  const remote = git("remote", "get-url", "origin");
  return { commit, repo: remote ? remote.replace(/\.git$/, "") : undefined };
}
