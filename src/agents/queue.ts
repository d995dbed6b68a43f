/**
 * Runs async operations one at a time, in the order they were queued. A
 * Durable Object's input gate opens whenever it awaits I/O (a model call
 * from a suspended guest, a call to another object), so without this queue a
 * second message could enter the same Wasm instance mid-call.
 *
 * @example
 *   const queue = new SerialQueue();
 *   const reply = await queue.run(() => handle(message));
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  run<T>(op: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(op);
    this.#tail = result.then(
      () => this.#pending--,
      () => this.#pending--,
    );
    return result;
  }

  /** Operations queued or running, this one included when asked from inside one. */
  get pending(): number {
    return this.#pending;
  }
}
