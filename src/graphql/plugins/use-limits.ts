import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import type { Plugin } from "graphql-yoga";

export interface LimitOptions {
  /** Deepest field nesting an operation may have. */
  maxDepth?: number;
  /** Most field selections (fragments expanded) an operation may make. */
  maxCost?: number;
}

/**
 * Refuses operations nested deeper than `maxDepth` or selecting more than
 * `maxCost` fields, at validation (before any function runs). Introspection
 * fields are not counted, so explorers keep working.
 *
 * @example plugins: [useLimits({ maxDepth: 12, maxCost: 1000 })]
 */
export function useLimits({ maxDepth = 12, maxCost = 1000 }: LimitOptions = {}): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const def of context.getDocument().definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      }
      const { depth, cost } = measure(node.selectionSet, fragments, 1, new Set());
      const name = node.name ? ` "${node.name.value}"` : "";
      if (depth > maxDepth) {
        context.reportError(limitError(`Operation${name} is nested ${depth} levels deep; the limit is ${maxDepth}.`));
      }
      if (cost > maxCost) {
        context.reportError(limitError(`Operation${name} selects ${cost} fields; the limit is ${maxCost}.`));
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

const limitError = (message: string) =>
  new GraphQLError(message, { extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } } });

function measure(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  level: number,
  visiting: Set<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith("__")) continue;
      cost++;
      depth = Math.max(depth, level);
      if (sel.selectionSet) {
        const inner = measure(sel.selectionSet, fragments, level + 1, visiting);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
      continue;
    }
    const target = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
    // A fragment cycle is reported by graphql-js's own NoFragmentCycles rule.
    if (!target || (sel.kind === Kind.FRAGMENT_SPREAD && visiting.has(sel.name.value))) continue;
    if (sel.kind === Kind.FRAGMENT_SPREAD) visiting.add(sel.name.value);
    const inner = measure(target, fragments, level, visiting);
    if (sel.kind === Kind.FRAGMENT_SPREAD) visiting.delete(sel.name.value);
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}
