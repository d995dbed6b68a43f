/** A request made more outbound host calls than its limit allows. */
export class HostCallLimitError extends Error {
  override name = "HostCallLimitError";
}

/**
 * Bounds the outbound host calls (model calls, http.fetch, database and
 * GraphQL/Dgraph/Neo4j queries) of one request:
 * at most `concurrency` in flight (later ones wait their turn, as Workers
 * queue connections past six), and `total` in all (later ones fail with an
 * error naming the limit, as Workers refuse subrequests past theirs).
 *
 * @example const gate = new HostCallGate({ hostConcurrency: 6, hostCalls: 50 }); await gate.run(() => fetch(url));
 */
export class HostCallGate {
  readonly #concurrency: number;
  readonly #total: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;
  #started = 0;

  constructor(limits: { hostConcurrency: number; hostCalls: number }) {
    this.#concurrency = limits.hostConcurrency;
    this.#total = limits.hostCalls;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#started >= this.#total) {
      throw new HostCallLimitError(
        `this request already made ${this.#total} outbound calls (models, http, data connections), its limit (MODUS_HOST_CALLS_LIMIT)`,
      );
    }
    this.#started++;
    if (this.#active >= this.#concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active++;
    try {
      return await work();
    } finally {
      this.#active--;
      this.#waiting.shift()?.();
    }
  }
}
