import { JSON } from "json-as";
import { quote, reserve } from "./internal/json";

/**
 * A string-keyed map whose values may each have a different type: every value
 * is held as raw JSON and decoded to the type asked for on `get`. It
 * serialises as a plain JSON object.
 *
 * @example
 *   const m = new DynamicMap();
 *   m.set("age", 42);
 *   const age = m.get<i32>("age");
 */
@json
export class DynamicMap {
  private data: Map<string, JSON.Raw> = new Map<string, JSON.Raw>();

  get size(): i32 {
    return this.data.size;
  }

  has(key: string): bool {
    return this.data.has(key);
  }

  get<T>(key: string): T {
    return JSON.parse<T>(this.data.get(key).data);
  }

  set<T>(key: string, value: T): void {
    this.data.set(key, JSON.Raw.from(JSON.stringify<T>(value)));
  }

  delete(key: string): bool {
    return this.data.delete(key);
  }

  clear(): void {
    this.data.clear();
  }

  keys(): string[] {
    return this.data.keys();
  }

  values(): JSON.Raw[] {
    return this.data.values();
  }

  @serializer
  private serialize(self: DynamicMap): string {
    const keys = self.data.keys();
    const parts = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) parts[i] = quote(keys[i]) + ":" + self.data.get(keys[i]).data;
    return reserve("{" + parts.join(",") + "}");
  }

  @deserializer
  private deserialize(json: string): DynamicMap {
    const map = new DynamicMap();
    map.data = JSON.parse<Map<string, JSON.Raw>>(json);
    return map;
  }
}
