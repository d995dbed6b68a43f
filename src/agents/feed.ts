import type { Logger } from "../observability/log";
import type { AgentRegistryRpc } from "./rpc";
import type { AgentInfo } from "./types";

/**
 * Sends an agent's status changes to the registry one after another, off
 * the path of its messages: a resumed agent answers without waiting for two
 * calls to another object (which may live in another location).
 *
 * @example
 *   feed.record({ id, name, status: "running", updated });
 *   await feed.settled(); // before answering a start, so listAgents shows it
 */
export class RegistryFeed {
  readonly #registry: () => AgentRegistryRpc | undefined;
  readonly #log: Logger;
  #last: Promise<void> = Promise.resolve();

  constructor(registry: () => AgentRegistryRpc | undefined, log: Logger) {
    this.#registry = registry;
    this.#log = log;
  }

  record(entry: AgentInfo & { updated: string }): void {
    this.#last = this.#last.then(async () => {
      try {
        await this.#registry()?.record(entry);
      } catch (err) {
        this.#log({ level: "error", msg: "agent registry update failed", agentId: entry.id, error: err instanceof Error ? err.message : String(err) });
      }
    });
  }

  /** Resolves once every change recorded so far has reached the registry. */
  settled(): Promise<void> {
    return this.#last;
  }
}
