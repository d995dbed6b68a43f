import { AbiError } from "../errors";
import type { Planner } from "./family";
import { show } from "./show";
import { alignUp, pointer, pointerSlot, type TypeHandler, type WasmValue } from "./types";

interface FieldPlan {
  name: string;
  offset: number;
  handler: TypeHandler;
}

/**
 * A class described in metadata: a plain object with the declared fields in
 * declaration order. The layout comes from metadata alone: fields in order,
 * each aligned to its own size, managed fields as 4-byte pointers.
 *
 * @example classFamily("assembly/models/Person", planner)?.lift(memory, ptr) // { name: "Ada", age: 36 }
 */
export function classFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  const declared = planner.fields(typeName);
  if (!declared) return undefined;
  const id = planner.classId(typeName);
  let end = 0;
  const fields: FieldPlan[] = declared.map((f) => {
    const handler = planner.plan(f.type);
    const offset = alignUp(end, handler.size);
    end = offset + handler.size;
    return { name: f.name, offset, handler };
  });
  const size = end;
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => {
      const ptr = pointer(raw);
      const held = memory.expect(ptr, id, typeName);
      if (held < size) throw new AbiError(`${typeName} at ${ptr} holds ${held} bytes, fewer than its ${size}-byte layout`);
      return memory.visit(ptr, typeName, () => {
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          try {
            out[f.name] = f.handler.lift(memory, f.handler.load(memory.view, ptr + f.offset));
          } catch (err) {
            throw AbiError.within(err, typeName, `.${f.name}`);
          }
        }
        return out;
      });
    },
    lower: (memory, value) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new AbiError(`${show(value)} is not an object, as ${typeName} needs`);
      }
      return memory.visit(value, typeName, () => {
        const source = value as Record<string, unknown>;
        const raws = new Array<WasmValue>(fields.length);
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i]!;
          try {
            raws[i] = f.handler.lower(memory, source[f.name]);
          } catch (err) {
            throw AbiError.within(err, typeName, `.${f.name}`);
          }
        }
        const ptr = memory.allocate(size, id);
        const view = memory.view;
        for (let i = 0; i < fields.length; i++) fields[i]!.handler.store(view, ptr + fields[i]!.offset, raws[i]!);
        return ptr;
      });
    },
  };
}
