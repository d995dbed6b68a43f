// Collections: search latency over 10,000 texts of 384-dimension vectors in
// one collection's Durable Object, by text (the embedder's model call to the
// stub, then the search) and by vector (the search alone), with baselines in
// the same Worker: `getDoc` (a function call and one call to the object,
// no search) and `echo` (a function call, no host call). The four requests
// are taken back to back per sample, so load hits them alike. The search
// inside the isolate, without RPC or GraphQL, is timed apart (/bench/vectorset).

import { median } from "./load.mjs";
import { post, quantile, timed } from "./samples.mjs";

const stats = (xs) => ({ p50: median(xs), p90: quantile(xs, 0.9), mean: xs.reduce((a, b) => a + b, 0) / xs.length, n: xs.length });

const WORDS = (
  "apple banana cherry grape lemon mango orange pear plum peach red green blue yellow purple sweet sour ripe fresh juicy " +
  "crisp soft tree garden market basket kitchen morning summer winter river stone cloud field harbor lantern meadow forest"
).split(" ");

/** Text `i`: five vocabulary words and a word of its own, always the same. */
const textOf = (i) => [0, 1, 2, 3, 4].map((j) => WORDS[(i * 7 + j * 13 + ((i * j) % 11)) % WORDS.length]).join(" ") + ` doc${i}`;

/**
 * @param {{ url: string, vectors: number, batch: number, samples: number, limit: number, log: (msg: string) => void }} opts
 *   `url` is the bench Worker's direct socket.
 */
export async function measureCollections({ url, vectors, batch, samples, limit, log }) {
  const gql = `${url}/collections/graphql`;
  const started = performance.now();
  for (let i = 0; i < vectors; i += batch) {
    const keys = Array.from({ length: Math.min(batch, vectors - i) }, (_, j) => `d${i + j}`);
    const { addDocs } = await post(gql, "mutation($k: [String!]!, $t: [String!]!) { addDocs(keys: $k, texts: $t) }", { k: keys, t: keys.map((_, j) => textOf(i + j)) });
    if (addDocs !== keys.length) throw new Error(`addDocs stored ${addDocs} of ${keys.length}`);
  }
  const upsertSeconds = (performance.now() - started) / 1000;
  log(`collections: ${vectors} texts upserted in ${Math.ceil(vectors / batch)} batches (${upsertSeconds.toFixed(1)} s); ${samples} samples`);

  const search = (i) => post(gql, "query($t: String!, $n: Int!) { searchDocs(text: $t, limit: $n) }", { t: textOf((i * 7919) % vectors), n: limit });
  const byVector = (v) => post(gql, "query($v: [Float!]!, $n: Int!) { searchDocsByVector(vector: $v, limit: $n) }", { v, n: limit });
  const getDoc = (i) => post(gql, "query($k: String!) { doc(key: $k) }", { k: `d${i}` });
  const echo = () => post(gql, 'query { echo(text: "edge") }');
  // Every search answers `limit` keys, the first of them the text searched for.
  const check = await search(3);
  if (check.searchDocs.length !== limit || check.searchDocs[0] !== `d${(3 * 7919) % vectors}`) throw new Error(`unexpected search answer ${JSON.stringify(check)}`);

  const out = { text: [], vector: [], getDoc: [], echo: [] };
  for (let i = 0; i < samples; i++) {
    const { docVector } = await post(gql, "query($k: String!) { docVector(key: $k) }", { k: `d${(i * 104729) % vectors}` });
    out.text.push(await timed(() => search(i)));
    out.vector.push(await timed(() => byVector(docVector)));
    out.getDoc.push(await timed(() => getDoc(i)));
    out.echo.push(await timed(echo));
  }
  const inIsolate = await (await fetch(`${url}/bench/vectorset?n=${vectors}&dim=384&limit=${limit}&rounds=10`)).json();
  return { vectors, dim: 384, limit, batch, upsertSeconds, inIsolate, ...Object.fromEntries(Object.entries(out).map(([k, xs]) => [k, stats(xs)])) };
}

/** The report's collections section (markdown). */
export function collectionsReport(c) {
  const f = (n, d = 1) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const row = (label, s) => `| ${label} | ${f(s.p50)} | ${f(s.p90)} | ${f(s.mean)} | ${s.n} |`;
  return [
    `\n### Collections: search over ${c.vectors.toLocaleString("en-US")} vectors of ${c.dim} dimensions (ms, top ${c.limit}, taken back to back per sample)\n`,
    "| request | p50 | p90 | mean | n |",
    "|---|---|---|---|---|",
    row("`searchDocs`: embedder (fresh instance, model call to the stub), then the object's exact search", c.text),
    row("`searchDocsByVector`: the object's exact search, vector given", c.vector),
    row("baseline: `getDoc` (function call + one call to the object, no search)", c.getDoc),
    row("baseline: `echo` (function call, no host call)", c.echo),
    "",
    `The search itself, inside one isolate (no RPC, no GraphQL): p50 **${f(c.inIsolate.p50, 2)} ms**, p90 ${f(c.inIsolate.p90, 2)} ms ` +
      `per search (${c.inIsolate.searches} searches in rounds of 10 over ${c.inIsolate.n.toLocaleString("en-US")} random unit vectors). ` +
      `Upserting the ${c.vectors.toLocaleString("en-US")} texts in batches of ${c.batch}: ${f(c.upsertSeconds)} s.`,
    "",
    `Ratios of p50: by vector / getDoc **${f(c.vector.p50 / c.getDoc.p50, 2)}**, by text / by vector **${f(c.text.p50 / c.vector.p50, 2)}**.`,
  ].join("\n");
}
