import type { Metadata } from "../../metadata/types";
import { AbiError } from "../errors";
import { nonNullable, isNullable, nullable, required } from "./nullable";
import { primitives } from "./primitives";
import { STRING_TYPE, stringHandler } from "./string";
import type { TypeHandler } from "./types";

/** The managed type families, each a factory from a type name to its handler. */
type Family = (typeName: string, planner: TypePlanner) => TypeHandler | undefined;

const families: readonly Family[] = [(name) => (name === STRING_TYPE ? stringHandler : undefined)];

/**
 * Plans handlers for AssemblyScript type names once per module, from metadata.
 *
 * @example
 *   const planner = new TypePlanner(metadata);
 *   planner.plan("~lib/string/String | null").lift(memory, ptr);
 */
export class TypePlanner {
  readonly #cache = new Map<string, TypeHandler>();

  constructor(readonly metadata: Metadata) {}

  plan(typeName: string): TypeHandler {
    let handler = this.#cache.get(typeName);
    if (!handler) {
      handler = this.#build(typeName);
      this.#cache.set(typeName, handler);
    }
    return handler;
  }

  #build(typeName: string): TypeHandler {
    const primitive = primitives.get(typeName);
    if (primitive) return primitive;
    const base = nonNullable(typeName);
    for (const family of families) {
      const handler = family(base, this);
      if (handler) return isNullable(typeName) ? nullable(handler) : required(handler);
    }
    throw new AbiError(`the type ${typeName} cannot cross the Wasm boundary yet`);
  }
}
