import { fromBlob, toBlob } from "./vectors";

/** One text as stored: its key, text and labels. */
export interface StoredText {
  key: string;
  text: string;
  labels: string[];
}

/**
 * A collection's SQLite storage (its Durable Object's): the namespaces
 * written to, each namespace's texts with their labels, and each search
 * method's vector of each text as a Float32 blob. Texts keep the order they
 * were first written in. Every call is synchronous, so each of the object's
 * methods runs to its end before another starts.
 *
 * @example
 *   const store = new CollectionStore(ctx.storage.sql);
 *   store.write("", [{ key: "a", text: "hello", labels: [] }], { bow: [vector] });
 */
export class CollectionStore {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS namespaces (name TEXT PRIMARY KEY);" +
        "CREATE TABLE IF NOT EXISTS texts (namespace TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, labels TEXT NOT NULL, PRIMARY KEY (namespace, key));" +
        "CREATE TABLE IF NOT EXISTS vectors (namespace TEXT NOT NULL, method TEXT NOT NULL, key TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (namespace, method, key));",
    );
  }

  namespaces(): string[] {
    return this.#sql.exec<{ name: string }>("SELECT name FROM namespaces ORDER BY name").toArray().map((r) => r.name);
  }

  hasNamespace(ns: string): boolean {
    return this.#sql.exec("SELECT 1 FROM namespaces WHERE name = ?", ns).toArray().length > 0;
  }

  /** Writes texts (replacing their keys' text and labels) and, per search method, their vectors. */
  write(ns: string, texts: StoredText[], vectors: Record<string, Float32Array[]>): void {
    const sql = this.#sql;
    sql.exec("INSERT OR IGNORE INTO namespaces (name) VALUES (?)", ns);
    for (const t of texts) {
      sql.exec(
        "INSERT INTO texts (namespace, key, text, labels) VALUES (?, ?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET text = excluded.text, labels = excluded.labels",
        ns, t.key, t.text, JSON.stringify(t.labels),
      );
    }
    for (const [method, rows] of Object.entries(vectors)) {
      rows.forEach((v, i) => {
        sql.exec("INSERT OR REPLACE INTO vectors (namespace, method, key, vector) VALUES (?, ?, ?, ?)", ns, method, texts[i]!.key, toBlob(v));
      });
    }
  }

  /** Removes a text and all its vectors; false when the key held none. */
  remove(ns: string, key: string): boolean {
    const removed = this.#sql.exec("DELETE FROM texts WHERE namespace = ? AND key = ?", ns, key).rowsWritten > 0;
    this.#sql.exec("DELETE FROM vectors WHERE namespace = ? AND key = ?", ns, key);
    return removed;
  }

  text(ns: string, key: string): StoredText | undefined {
    const row = this.#sql.exec<{ text: string; labels: string }>("SELECT text, labels FROM texts WHERE namespace = ? AND key = ?", ns, key).toArray()[0];
    return row && { key, text: row.text, labels: JSON.parse(row.labels) };
  }

  /** A namespace's texts, in the order they were first written. */
  texts(ns: string): StoredText[] {
    return this.#sql
      .exec<{ key: string; text: string; labels: string }>("SELECT key, text, labels FROM texts WHERE namespace = ? ORDER BY rowid", ns)
      .toArray()
      .map((r) => ({ key: r.key, text: r.text, labels: JSON.parse(r.labels) }));
  }

  countTexts(ns: string): number {
    return this.#sql.exec<{ n: number }>("SELECT count(*) AS n FROM texts WHERE namespace = ?", ns).one().n;
  }

  vector(ns: string, method: string, key: string): Float32Array | undefined {
    const row = this.#sql.exec<{ vector: ArrayBuffer }>("SELECT vector FROM vectors WHERE namespace = ? AND method = ? AND key = ?", ns, method, key).toArray()[0];
    return row && fromBlob(row.vector);
  }

  /** Every vector of one search method in a namespace. */
  *vectors(ns: string, method: string): Generator<[key: string, vector: Float32Array]> {
    const cursor = this.#sql.exec<{ key: string; vector: ArrayBuffer }>("SELECT key, vector FROM vectors WHERE namespace = ? AND method = ? ORDER BY rowid", ns, method);
    for (const row of cursor) yield [row.key, fromBlob(row.vector)];
  }

  /**
   * Writes one search method's recomputed vectors, each only if its key
   * still holds the text it was computed from (a write may have come in
   * meanwhile); returns how many were written.
   */
  refreshVectors(ns: string, method: string, texts: { key: string; text: string }[], vectors: Float32Array[]): number {
    let written = 0;
    texts.forEach((t, i) => {
      if (this.text(ns, t.key)?.text !== t.text) return;
      this.#sql.exec("INSERT OR REPLACE INTO vectors (namespace, method, key, vector) VALUES (?, ?, ?, ?)", ns, method, t.key, toBlob(vectors[i]!));
      written++;
    });
    return written;
  }
}
