import type { Metadata } from "../../metadata/types";
import { AbiError } from "../errors";
import { arrayFamily } from "./array";
import { bytesFamily } from "./bytes";
import { classFamily } from "./class";
import { dateFamily } from "./date";
import type { Family, Planner } from "./family";
import { mapFamily } from "./map";
import { nonNullable, isNullable, nullable, required } from "./nullable";
import { primitives } from "./primitives";
import { STRING_TYPE, stringHandler } from "./string";
import { typedArrayFamily } from "./typedarray";
import { pointerSlot, type TypeHandler } from "./types";

/**
 * The managed type families, tried in order: the first that claims a type
 * name plans it. Bytes come before arrays (`Array<u8>` is bytes) and dates
 * before classes (metadata describes `wasi_Date` with fields).
 */
const families: readonly Family[] = [
  (name) => (name === STRING_TYPE ? stringHandler : undefined),
  bytesFamily,
  typedArrayFamily,
  arrayFamily,
  mapFamily,
  dateFamily,
  classFamily,
];

/**
 * Plans handlers for AssemblyScript type names once per module, from metadata.
 *
 * @example
 *   const planner = new TypePlanner(metadata);
 *   planner.plan("~lib/string/String | null").lift(memory, ptr);
 */
export class TypePlanner implements Planner {
  readonly #cache = new Map<string, TypeHandler>();
  readonly #building = new Set<string>();

  constructor(readonly metadata: Metadata) {}

  plan(typeName: string): TypeHandler {
    const cached = this.#cache.get(typeName);
    if (cached) return cached;
    // A type that reaches itself (a linked list node) gets a handler that
    // looks the finished one up on use, so planning terminates.
    if (this.#building.has(typeName)) return this.#deferred(typeName);
    this.#building.add(typeName);
    try {
      const handler = this.#build(typeName);
      this.#cache.set(typeName, handler);
      return handler;
    } finally {
      this.#building.delete(typeName);
    }
  }

  /** The runtime class id metadata records for a managed type. */
  classId(typeName: string): number {
    const type = this.metadata.types[typeName];
    if (!type) throw new AbiError(`the metadata has no class id for ${typeName}`);
    return type.id;
  }

  /** The declared fields of a class, or undefined when metadata does not describe it as one. */
  fields(typeName: string): readonly { name: string; type: string }[] | undefined {
    return this.metadata.types[typeName]?.fields;
  }

  #build(typeName: string): TypeHandler {
    const primitive = primitives.get(typeName);
    if (primitive) return primitive;
    const base = nonNullable(typeName);
    for (const family of families) {
      const handler = family(base, this);
      if (handler) return isNullable(typeName) ? nullable(handler) : required(handler);
    }
    throw new AbiError(`the type ${typeName} cannot cross the Wasm boundary`);
  }

  #deferred(typeName: string): TypeHandler {
    const resolve = () => this.#cache.get(typeName)!;
    return {
      ...pointerSlot,
      typeName,
      zero: 0,
      lift: (memory, raw) => resolve().lift(memory, raw),
      lower: (memory, value) => resolve().lower(memory, value),
    };
  }
}
