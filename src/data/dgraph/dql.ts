// DQL text handling the HTTP API needs: Dgraph's /mutate endpoint takes no
// query variables, so an upsert's variables are written into its query.

/**
 * The query with its declared `$variables` replaced by literals (strings
 * quoted as DQL string literals, numbers and booleans as they are), and its
 * `query name(...)` header dropped: what an upsert block's `query` takes.
 *
 * @example inlineVariables('query q($n: string) { v as var(func: eq(name, $n)) }', { $n: "Ann" })
 *   // '{ v as var(func: eq(name, "Ann")) }'
 */
export function inlineVariables(query: string, variables: Readonly<Record<string, string>>): string {
  const open = topLevelBrace(query);
  if (open < 0) throw new Error("the query has no { … } block");
  const header = query.slice(0, open);
  const types = new Map<string, string>();
  for (const [, name, type] of header.matchAll(/(\$\w+)\s*:\s*([\w!]+)/g)) types.set(name!, type!.replace("!", ""));
  for (const [, name, fallback] of header.matchAll(/(\$\w+)\s*:\s*[\w!]+\s*=\s*("(?:[^"\\]|\\.)*"|[^,)\s]+)/g)) {
    if (!(name! in variables)) types.set(name!, `default:${fallback}`);
  }
  const literal = (name: string): string => {
    const type = types.get(name);
    if (type?.startsWith("default:")) return type.slice(8);
    const value = variables[name];
    if (value === undefined) throw new Error(`variable ${name} has no value`);
    return type === "int" || type === "float" || type === "bool" ? value : JSON.stringify(value);
  };
  let out = "";
  const body = query.slice(open);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') {
      // String literals are copied as they are.
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === "\\" ? 2 : 1;
      out += body.slice(i, j + 1);
      i = j;
    } else if (c === "$") {
      const name = /^\$\w+/.exec(body.slice(i))![0];
      out += literal(name);
      i += name.length - 1;
    } else out += c;
  }
  return out;
}

function topLevelBrace(query: string): number {
  let inString = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' && query[i - 1] !== "\\") inString = !inString;
    if (!inString && c === "{") return i;
  }
  return -1;
}
