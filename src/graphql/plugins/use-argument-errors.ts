import { GraphQLError, Kind, visit, type ArgumentNode, type ASTNode, type DocumentNode, type FieldNode } from "graphql";
import type { Plugin } from "graphql-yoga";

const PREFIX = /^Expected value of type "[^"]+", found .*?; /s;

/**
 * Names the argument (and field) in errors about a bad literal argument
 * value, which graphql-js reports only by type: `Expected value of type
 * "Int64!", found "x"; …` becomes `Argument "a" of field "sumInt64" has an
 * invalid value "x": …`.
 *
 * @example plugins: [useArgumentErrors()]
 */
export function useArgumentErrors(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (!result.length) return;
        const owners = argumentOwners(params.documentAST);
        setResult(result.map((error) => rename(error, owners)));
      };
    },
  };
}

function rename(error: GraphQLError, owners: Map<ASTNode, { arg: ArgumentNode; field: FieldNode }>): GraphQLError {
  const node = error.nodes?.[0];
  const owner = node && owners.get(node);
  if (!owner || !PREFIX.test(error.message)) return error;
  const value = error.message.match(/found (.*?); /s)?.[1] ?? "";
  const detail = error.message.replace(PREFIX, "");
  const message = `Argument "${owner.arg.name.value}" of field "${owner.field.name.value}" has an invalid value ${value}: ${detail}`;
  return new GraphQLError(message, {
    nodes: error.nodes,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
  });
}

// Every value node under an argument, mapped to that argument and its field.
function argumentOwners(document: DocumentNode): Map<ASTNode, { arg: ArgumentNode; field: FieldNode }> {
  const owners = new Map<ASTNode, { arg: ArgumentNode; field: FieldNode }>();
  const fields: FieldNode[] = [];
  visit(document, {
    Field: { enter: (f) => void fields.push(f), leave: () => void fields.pop() },
    Argument(arg) {
      const field = fields[fields.length - 1];
      if (!field) return;
      visit(arg.value, {
        enter(n) {
          if (n.kind !== Kind.VARIABLE) owners.set(n, { arg, field });
        },
      });
    },
  });
  return owners;
}
