import { AbiError } from "../errors";
import { ARRAY_BUFFER_ID, type GuestMemory } from "../memory";
import type { Planner } from "./family";
import { keyHasher } from "./hash";
import { show } from "./show";
import { STRING_TYPE } from "./string";
import { typeArguments } from "./typename";
import { alignUp, pointer, pointerSlot, type TypeHandler, type WasmValue } from "./types";

export const MAP_PREFIX = "~lib/map/Map";

/** `Map<K,V>`: `{buckets, bucketsMask, entries, entriesCapacity, entriesOffset, entriesCount}`. */
const MAP_SIZE = 24;
const BUCKET_SIZE = 4;
/** Set in an entry's `taggedNext` once the entry was deleted. */
const EMPTY = 1;

/** One GraphQL key/value pair, the form a map lifts to. */
export interface Pair {
  key: unknown;
  value: unknown;
}

/**
 * `Map<K,V>`: an array of `{ key, value }` pairs in insertion order (the
 * GraphQL pair form). Lower takes that array, a JS `Map`, or a plain object
 * when the keys are strings. Writing a map reproduces the guest's hash table
 * (std/assembly/map.ts), so the guest's own `get`/`has` find every key.
 *
 * @example mapFamily("~lib/map/Map<~lib/string/String,i32>", planner)?.lower(memory, { a: 1 })
 */
export function mapFamily(typeName: string, planner: Planner): TypeHandler | undefined {
  const args = typeArguments(typeName, MAP_PREFIX);
  if (args?.length !== 2) return undefined;
  const id = planner.classId(typeName);
  const key = planner.plan(args[0]!);
  const value = planner.plan(args[1]!);
  const hash = keyHasher(args[0]!);
  const layout = entryLayout(key.size, value.size);
  const stringKeys = key.typeName === STRING_TYPE;
  return {
    ...pointerSlot,
    typeName,
    lift: (memory, raw) => {
      const ptr = pointer(raw);
      memory.expect(ptr, id, typeName);
      return memory.visit(ptr, typeName, () => {
        const view = memory.view;
        const entries = view.getUint32(ptr + 8, true);
        const used = view.getInt32(ptr + 16, true);
        const size = memory.expect(entries, ARRAY_BUFFER_ID, `${typeName} entries`);
        if (used < 0 || used * layout.size > size) {
          throw new AbiError(`${typeName} at ${ptr} claims ${used} entries, past the end of its ${size}-byte entries buffer`);
        }
        const out: Pair[] = [];
        for (let i = 0; i < used; i++) {
          const entry = entries + i * layout.size;
          if (memory.view.getUint32(entry + layout.taggedNext, true) & EMPTY) continue;
          out.push({
            key: key.lift(memory, key.load(memory.view, entry)),
            value: value.lift(memory, value.load(memory.view, entry + layout.value)),
          });
        }
        return out;
      });
    },
    lower: (memory, input) =>
      memory.visit(input, typeName, () => {
        const pairs = toPairs(input, typeName, stringKeys);
        const keys: WasmValue[] = [];
        const values: WasmValue[] = [];
        const hashes: number[] = [];
        pairs.forEach((p, i) => {
          try {
            keys.push(key.lower(memory, p.key));
          } catch (err) {
            throw AbiError.within(err, typeName, `[${i}].key`);
          }
          try {
            values.push(value.lower(memory, p.value));
          } catch (err) {
            throw AbiError.within(err, typeName, `[${i}].value`);
          }
          hashes.push(hash(p.key, keys[i]!));
        });
        return writeMap(memory, id, layout, keys, values, hashes, key, value);
      }),
  };
}

interface EntryLayout {
  /** Offset of the value; the key is at 0. */
  value: number;
  taggedNext: number;
  size: number;
}

// MapEntry<K,V> is a plain class {key, value, taggedNext: usize}, fields aligned
// to their size, and entries are padded to the largest of K, V and usize.
function entryLayout(keySize: number, valueSize: number): EntryLayout {
  const value = alignUp(keySize, valueSize);
  const taggedNext = alignUp(value + valueSize, 4);
  return { value, taggedNext, size: alignUp(taggedNext + 4, Math.max(keySize, valueSize, 4)) };
}

function toPairs(input: unknown, typeName: string, stringKeys: boolean): Pair[] {
  let pairs: Pair[];
  if (Array.isArray(input)) {
    pairs = input.map((p, i) => {
      if (typeof p !== "object" || p === null || !("key" in p)) {
        throw new AbiError(`${show(p)} is not a {key, value} pair`, typeName, `[${i}]`);
      }
      return p as Pair;
    });
  } else if (input instanceof Map) {
    pairs = [...input].map(([key, value]) => ({ key, value }));
  } else if (stringKeys && typeof input === "object" && input !== null) {
    pairs = Object.entries(input).map(([key, value]) => ({ key, value }));
  } else {
    throw new AbiError(`${show(input)} is not a list of {key, value} pairs, as ${typeName} needs`);
  }
  // A repeated key keeps its last value, as repeated `set` calls would.
  const byKey = new Map<unknown, number>();
  const out: Pair[] = [];
  for (const p of pairs) {
    const k = p.key;
    const at = typeof k === "object" && k !== null ? undefined : byKey.get(k);
    if (at === undefined) {
      byKey.set(k, out.length);
      out.push(p);
    } else {
      out[at] = { key: k, value: p.value };
    }
  }
  return out;
}

// Capacities as the guest's own growth would reach them: 4 buckets and 4
// entries, then doubling buckets with 8/3 entries per bucket.
function capacities(count: number): { buckets: number; entries: number } {
  let buckets = 4;
  let entries = 4;
  while (entries < count) {
    buckets <<= 1;
    entries = ((buckets * 8) / 3) | 0;
  }
  return { buckets, entries };
}

function writeMap(
  memory: GuestMemory,
  id: number,
  layout: EntryLayout,
  keys: WasmValue[],
  values: WasmValue[],
  hashes: number[],
  key: TypeHandler,
  value: TypeHandler,
): number {
  const cap = capacities(keys.length);
  const mask = cap.buckets - 1;
  const buckets = memory.allocate(cap.buckets * BUCKET_SIZE, ARRAY_BUFFER_ID);
  const entries = memory.allocate(cap.entries * layout.size, ARRAY_BUFFER_ID);
  const ptr = memory.allocate(MAP_SIZE, id);
  const view = memory.view;
  for (let i = 0; i < keys.length; i++) {
    const entry = entries + i * layout.size;
    key.store(view, entry, keys[i]!);
    value.store(view, entry + layout.value, values[i]!);
    // Each new entry goes to the head of its bucket's chain, as `set` does.
    const bucket = buckets + (hashes[i]! & mask) * BUCKET_SIZE;
    view.setUint32(entry + layout.taggedNext, view.getUint32(bucket, true), true);
    view.setUint32(bucket, entry, true);
  }
  view.setUint32(ptr, buckets, true);
  view.setUint32(ptr + 4, mask, true);
  view.setUint32(ptr + 8, entries, true);
  view.setInt32(ptr + 12, cap.entries, true);
  view.setInt32(ptr + 16, keys.length, true);
  view.setInt32(ptr + 20, keys.length, true);
  return ptr;
}
