import type { LabelShare, Neighbour } from "./types";

/**
 * How many neighbours `nnClassify` weighs in a namespace of `n` texts:
 * Modus's ⌊log10 n⌋², at least one.
 *
 * @example neighbourCount(1000) // 9
 */
export const neighbourCount = (n: number): number => Math.max(1, Math.floor(Math.log10(Math.max(n, 1))) ** 2);

/**
 * Modus's nearest-neighbour classification: the neighbours whose distance
 * lies within two standard deviations of the mean vote with their labels;
 * each label's confidence is its share of the votes, highest first (equal
 * shares by label).
 *
 * @example classify([{ key: "a", labels: ["x"], distance: 0.1 }]) // { labelsResult: [{ label: "x", confidence: 1 }], cluster: [...] }
 */
export function classify(neighbours: { key: string; labels: string[]; distance: number }[]): { labelsResult: LabelShare[]; cluster: Neighbour[] } {
  if (!neighbours.length) return { labelsResult: [], cluster: [] };
  const mean = neighbours.reduce((s, n) => s + n.distance, 0) / neighbours.length;
  const sd = Math.sqrt(neighbours.reduce((s, n) => s + (n.distance - mean) ** 2, 0) / neighbours.length);
  const votes = new Map<string, number>();
  let total = 0;
  const cluster: Neighbour[] = [];
  for (const n of neighbours) {
    if (Math.abs(n.distance - mean) > 2 * sd) continue;
    for (const label of n.labels) {
      votes.set(label, (votes.get(label) ?? 0) + 1);
      total++;
    }
    cluster.push({ key: n.key, labels: n.labels, distance: n.distance, score: 1 - n.distance });
  }
  const labelsResult = [...votes].map(([label, count]) => ({ label, confidence: count / total }));
  labelsResult.sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { labelsResult, cluster };
}
