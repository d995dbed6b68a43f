import type { FunctionSignature, Metadata, TypeDefinition } from "./types";

export const METADATA_VERSION = 2;

/** A module whose metadata is missing, of another version, or malformed. */
export class MetadataError extends Error {
  override name = "MetadataError";
}

/**
 * Reads Modus's metadata custom sections from a compiled module.
 *
 * @example
 *   import wasm from "../build/app.wasm";
 *   const metadata = readMetadata(wasm);
 */
export function readMetadata(module: WebAssembly.Module): Metadata {
  const version = WebAssembly.Module.customSections(module, "modus_metadata_version");
  const body = WebAssembly.Module.customSections(module, "modus_metadata");
  if (!version.length || !body.length) {
    throw new MetadataError("the module has no modus_metadata section: was it built with the Modus transform?");
  }
  return parseMetadata(new Uint8Array(version[0]!)[0], new TextDecoder().decode(body[0]));
}

/** Parses the metadata JSON of the given version; see {@link readMetadata}. */
export function parseMetadata(version: number | undefined, json: string): Metadata {
  if (version === undefined) {
    throw new MetadataError(`the modus_metadata_version section is empty; this runtime reads version ${METADATA_VERSION}`);
  }
  if (version !== METADATA_VERSION) {
    throw new MetadataError(`unsupported metadata version ${version}; this runtime reads version ${METADATA_VERSION}`);
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new MetadataError("the modus_metadata section is not valid JSON");
  }
  return {
    plugin: String(raw.plugin ?? ""),
    sdk: String(raw.sdk ?? ""),
    buildId: String(raw.buildId ?? ""),
    buildTs: String(raw.buildTs ?? ""),
    ...(raw.gitRepo ? { gitRepo: String(raw.gitRepo) } : {}),
    ...(raw.gitCommit ? { gitCommit: String(raw.gitCommit) } : {}),
    fnExports: signatures(raw.fnExports),
    fnImports: signatures(raw.fnImports),
    types: typeDefinitions(raw.types),
  };
}

function signatures(value: unknown): Record<string, FunctionSignature> {
  const out: Record<string, FunctionSignature> = {};
  for (const [name, fn] of Object.entries((value ?? {}) as Record<string, Partial<FunctionSignature>>)) {
    out[name] = {
      name,
      parameters: fn.parameters ?? [],
      results: fn.results ?? [],
      ...(fn.docs ? { docs: fn.docs } : {}),
    };
  }
  return out;
}

function typeDefinitions(value: unknown): Record<string, TypeDefinition> {
  const out: Record<string, TypeDefinition> = {};
  for (const [name, t] of Object.entries((value ?? {}) as Record<string, Partial<TypeDefinition>>)) {
    if (typeof t.id !== "number") throw new MetadataError(`type ${name} has no class id`);
    out[name] = { name, id: t.id, ...(t.fields ? { fields: t.fields } : {}), ...(t.docs ? { docs: t.docs } : {}) };
  }
  return out;
}
