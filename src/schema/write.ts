import type { FieldDef, TypeDef } from "./convert";
import { goJson } from "./gojson";
import type { RootFieldDef, RootFields } from "./transform";

export const SCHEMA_HEADER = "# Modus GraphQL Schema (auto-generated)\n";

/** What Modus appends to every app's schema for its agents feature, agents or not. */
export const AGENTS_SDL = `
scalar JSON

type AgentEvent {
  name: String!
  data: JSON
  timestamp: String
}

type Subscription {
  agentEvent(agentId: String!): AgentEvent!
}
`;

/** Compares names case-insensitively, as Modus sorts everything it writes. */
export const byLowerName = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface SchemaParts {
  root: RootFields;
  scalars: string[];
  inputs: TypeDef[];
  results: TypeDef[];
}

/**
 * The SDL text in Modus's layout: header, Query, Mutation, scalars, input
 * types, output types, each sorted case-insensitively and set off by a blank line.
 *
 * @example writeSchema({ root: { query: [], mutation: [] }, scalars: [], inputs: [], results: [] }) // SCHEMA_HEADER
 */
export function writeSchema(parts: SchemaParts): string {
  const byName = (a: { name: string }, b: { name: string }) => byLowerName(a.name, b.name);
  const query = [...parts.root.query].sort(byName);
  const mutation = [...parts.root.mutation].sort(byName);
  let sdl = SCHEMA_HEADER;
  if (query.length) sdl += `\ntype Query {\n${query.map(rootField).join("")}}\n`;
  if (mutation.length) sdl += `\ntype Mutation {\n${mutation.map(rootField).join("")}}\n`;
  if (parts.scalars.length) sdl += `\n${[...parts.scalars].sort(byLowerName).map((s) => `scalar ${s}\n`).join("")}`;
  for (const t of [...parts.inputs].sort(byName)) sdl += `\n${objectType("input", t)}`;
  for (const t of [...parts.results].sort(byName)) sdl += `\n${objectType("type", t)}`;
  return sdl;
}

/** A `"""` block, its lines written as recorded (Modus does not escape them). */
function description(lines: string[] | undefined, indent: string): string {
  if (!lines?.length) return "";
  return `${indent}"""\n${lines.map((l) => `${indent}${l}\n`).join("")}${indent}"""\n`;
}

function objectType(keyword: "input" | "type", t: TypeDef): string {
  const field = (f: FieldDef) => `${description(f.docs, "  ")}  ${f.name}: ${f.type}\n`;
  return `${description(t.docs, "")}${keyword} ${t.name} {\n${t.fields.map(field).join("")}}\n`;
}

function rootField(f: RootFieldDef): string {
  const args = f.args.map((a) => `${a.name}: ${a.type}${"default" in a ? ` = ${goJson(a.default)}` : ""}`);
  const argText = args.length ? `(${args.join(", ")})` : "";
  return `${description(f.docs, "  ")}  ${f.name}${argText}: ${f.type}\n`;
}
