import { buildSchema } from "graphql";
import { expect } from "vitest";
import type { Metadata } from "../../src/metadata/types";
import { generateSchema, type GeneratedSchema } from "../../src/schema/generate";
import { AGENTS_SDL, SCHEMA_HEADER } from "../../src/schema/write";

/** Generates the schema and checks that GraphQL accepts it. */
export function validSchema(metadata: Metadata): GeneratedSchema {
  const schema = generateSchema(metadata);
  expect(() => buildSchema(schema.sdl)).not.toThrow();
  return schema;
}

/** The SDL without its header line and Modus's agents block (every schema ends with it), for comparing small schemas. */
export function body(metadata: Metadata): string {
  const { sdl } = validSchema(metadata);
  expect(sdl.endsWith(AGENTS_SDL)).toBe(true);
  return sdl.slice(0, -AGENTS_SDL.length).replace(SCHEMA_HEADER, "");
}
