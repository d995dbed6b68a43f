// Postgres's text form of arrays, "{1,2,NULL}" or '{"a b",c}' or "{{1,2},{3,4}}".

/** Array type OID -> element type OID, for the built-in types (no catalog round trip needed). */
export const ARRAY_ELEMENTS: Readonly<Record<number, number>> = {
  1000: 16, 1001: 17, 1002: 18, 1003: 19, 1005: 21, 1007: 23, 1016: 20, 1021: 700, 1022: 701,
  1009: 25, 1015: 1043, 1014: 1042, 1028: 26, 1231: 1700, 1115: 1114, 1185: 1184, 1182: 1082,
  1183: 1083, 1270: 1266, 1187: 1186, 199: 114, 3807: 3802, 2951: 2950, 1017: 600, 1041: 869,
  651: 650, 1040: 829, 143: 142,
};

/** A parsed array: nested lists of element texts, null for SQL NULL. */
export type ArrayItem = string | null | ArrayItem[];

/**
 * Parses Postgres's array text (with `,` as the delimiter, as every built-in type but box uses).
 *
 * @example parseArray('{1,NULL,"a,b"}') // ["1", null, "a,b"]
 */
export function parseArray(text: string): ArrayItem[] {
  // A leading dimension decoration ("[0:1]={...}") is dropped.
  let i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  const parse = (): ArrayItem[] => {
    const items: ArrayItem[] = [];
    i++; // "{"
    while (i < text.length) {
      const c = text[i];
      if (c === "}") {
        i++;
        return items;
      }
      if (c === ",") {
        i++;
        continue;
      }
      if (c === "{") items.push(parse());
      else if (c === '"') {
        let s = "";
        for (i++; text[i] !== '"'; i++) s += text[i] === "\\" ? text[++i] : text[i];
        i++;
        items.push(s);
      } else {
        const start = i;
        while (i < text.length && text[i] !== "," && text[i] !== "}") i++;
        const raw = text.slice(start, i).trim();
        items.push(raw === "NULL" ? null : raw);
      }
    }
    return items;
  };
  return parse();
}
