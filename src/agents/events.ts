import type { AgentEvent } from "./types";

// A subscriber that falls this far behind is dropped rather than buffered without end.
const MAX_BACKLOG = 1000;

interface Subscriber {
  writer: WritableStreamDefaultWriter<Uint8Array>;
  /** Writes run one after another, so events arrive in publish order. */
  chain: Promise<void>;
  backlog: number;
}

/**
 * The subscribers to one agent's events. Each gets a byte stream of JSON
 * lines (it crosses Durable Object RPC); {@link readEvents} turns it back
 * into events. Kept by the agent's object, so subscriptions outlive
 * suspension, as Modus's subscription actors do.
 *
 * @example
 *   const stream = hub.open();
 *   hub.publish({ name: "countUpdated", data: { count: 1 }, timestamp });
 */
export class EventHub {
  readonly #subscribers = new Set<Subscriber>();
  readonly #encoder = new TextEncoder();

  open(): ReadableStream<Uint8Array> {
    const { readable, writable } = new IdentityTransformStream();
    const writer = writable.getWriter();
    // A subscriber that goes away rejects `closed`; the next write notices and drops it.
    writer.closed.catch(() => {});
    this.#subscribers.add({ writer, chain: Promise.resolve(), backlog: 0 });
    return readable;
  }

  publish(event: AgentEvent): void {
    const bytes = this.#encoder.encode(JSON.stringify(event) + "\n");
    for (const sub of this.#subscribers) {
      if (++sub.backlog > MAX_BACKLOG) {
        this.#drop(sub);
        continue;
      }
      sub.chain = sub.chain
        .then(() => sub.writer.write(bytes))
        .then(
          () => void sub.backlog--,
          () => this.#drop(sub),
        );
    }
  }

  /** Ends every subscription once what was published has been written. */
  close(): void {
    for (const sub of this.#subscribers) {
      this.#subscribers.delete(sub);
      sub.chain = sub.chain.then(() => sub.writer.close()).catch(() => {});
    }
  }

  get size(): number {
    return this.#subscribers.size;
  }

  #drop(sub: Subscriber): void {
    if (!this.#subscribers.delete(sub)) return;
    sub.writer.abort(new Error("the subscriber stopped reading")).catch(() => {});
  }
}

/**
 * The events in a stream {@link EventHub.open} made, as an async iterator
 * that cancels the stream when the consumer stops early.
 *
 * @example for await (const event of readEvents(stream)) console.log(event.name);
 */
export async function* readEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<AgentEvent> {
  // Read and decoded by hand: a pipe would leave a rejected promise nobody
  // awaits when the consumer cancels mid-stream.
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        yield JSON.parse(buffered.slice(0, nl)) as AgentEvent;
        buffered = buffered.slice(nl + 1);
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
