import { buildSchema } from "graphql";
import { expect } from "vitest";
import type { Metadata } from "../../src/metadata/types";
import { generateSchema, type GeneratedSchema } from "../../src/schema/generate";

/** Generates the schema and checks that GraphQL accepts it. */
export function validSchema(metadata: Metadata): GeneratedSchema {
  const schema = generateSchema(metadata);
  expect(() => buildSchema(schema.sdl)).not.toThrow();
  return schema;
}

/** The SDL without its header line, for comparing small schemas. */
export const body = (metadata: Metadata): string =>
  validSchema(metadata).sdl.replace("# Modus GraphQL Schema (auto-generated)\n", "");
