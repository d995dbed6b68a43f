/**
 * The type arguments of a generic AssemblyScript type name, split at the
 * top-level commas, or undefined when `typeName` is not `prefix<...>`.
 *
 * @example typeArguments("~lib/map/Map<~lib/string/String,~lib/array/Array<i32>>", "~lib/map/Map")
 *   // ["~lib/string/String", "~lib/array/Array<i32>"]
 */
export function typeArguments(typeName: string, prefix: string): string[] | undefined {
  if (!typeName.startsWith(`${prefix}<`) || !typeName.endsWith(">")) return undefined;
  const inner = typeName.slice(prefix.length + 1, -1);
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}
