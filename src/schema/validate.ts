import type { TypeDef } from "./convert";
import { SchemaError } from "./errors";
import { baseType } from "./filter";
import type { RootFieldDef } from "./transform";
import { GRAPHQL_SCALARS } from "./typemap";
import type { SchemaParts } from "./write";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Rejects what Modus would write but no GraphQL server accepts: a type no one
 * declares, a name GraphQL does not allow, two functions behind one field.
 * Modus fails later, when it parses its own schema; we fail here, naming the
 * function or type and the AssemblyScript type at fault.
 */
export function validateSchema(parts: SchemaParts, scalarDefs: TypeDef[]): void {
  const errors: string[] = [];
  const declared = new Set([...GRAPHQL_SCALARS, ...parts.scalars, ...parts.inputs.map((t) => t.name), ...parts.results.map((t) => t.name)]);

  for (const t of [...scalarDefs, ...parts.inputs, ...parts.results]) {
    if (!GRAPHQL_NAME.test(t.name)) errors.push(`type ${t.source ?? t.name}: "${t.name}" is not a valid GraphQL type name`);
  }
  for (const t of [...parts.inputs, ...parts.results]) {
    for (const f of t.fields) {
      if (!declared.has(baseType(f.type))) {
        errors.push(`type ${t.source ?? t.name}, field ${f.name}: unsupported type or missing type definition: ${f.source ?? f.type}`);
      }
    }
  }
  for (const fields of [parts.root.query, parts.root.mutation]) checkRootFields(fields, errors);
  if (errors.length) throw new SchemaError(errors.join("\n"));
}

function checkRootFields(fields: RootFieldDef[], errors: string[]): void {
  const seen = new Map<string, string>();
  for (const f of fields) {
    if (!GRAPHQL_NAME.test(f.name)) errors.push(`function ${f.functionName}: "${f.name}" is not a valid GraphQL field name`);
    const other = seen.get(f.name);
    if (other) errors.push(`functions ${other} and ${f.functionName} both become the field ${f.name}`);
    else seen.set(f.name, f.functionName);
  }
}
