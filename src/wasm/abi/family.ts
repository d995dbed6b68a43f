import type { TypeHandler } from "./types";

/** What a type family needs from the planner: handlers for its parts, class ids from metadata. */
export interface Planner {
  plan(typeName: string): TypeHandler;
  classId(typeName: string): number;
  fields(typeName: string): readonly { name: string; type: string }[] | undefined;
}

/** A managed type family: a factory from a (non-nullable) type name to its handler, or undefined if not its type. */
export type Family = (typeName: string, planner: Planner) => TypeHandler | undefined;
