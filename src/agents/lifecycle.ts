import { EventHub } from "./events";
import { RegistryFeed } from "./feed";
import { AgentGuest, type AgentModule } from "./guest";
import { SerialQueue } from "./queue";
import type { AgentRegistryRpc, MessageOutcome } from "./rpc";
import { AgentStore, now, type AgentRecord } from "./store";
import { AgentErrors, isEnding, STATUS_EVENT, type AgentInfo, type AgentStatus, type Outcome } from "./types";

/** What an agent's lifecycle needs from the Durable Object that holds it. */
export interface AgentHost {
  readonly env: Readonly<Record<string, unknown>>;
  readonly storage: DurableObjectStorage;
  /** The app's module and agent plans (built once per isolate). */
  module(): AgentModule;
  /** Where status changes are recorded for `listAgents`, if the Worker has a registry. */
  registry(): AgentRegistryRpc | undefined;
  /** How long an agent stays active without messages before it is suspended. */
  readonly idleMs: number;
  readonly log: AgentModule["services"]["log"];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One agent's life inside its Durable Object, as Modus lives it: start
 * (save, starting, initialize, running); a message (resume first if
 * suspended, handle, save); idle (suspending, suspend, save, suspended); stop
 * (stopping, terminate, save, terminated). Every status change is saved,
 * recorded in the registry and published as `agentStatusUpdated`. Messages,
 * lifecycle steps and the idle check run one at a time through one queue.
 *
 * @example
 *   const agent = new AgentRuntime(host);
 *   const info = await agent.start(xid(), "Counter");
 */
export class AgentRuntime {
  readonly #host: AgentHost;
  readonly #store: AgentStore;
  readonly #queue = new SerialQueue();
  readonly #events = new EventHub();
  readonly #feed: RegistryFeed;
  #record: AgentRecord | undefined;
  #guest: AgentGuest | undefined;
  #stopRequested = false;
  #lastActivity = 0;
  /** An idle check is scheduled (known only since this object was loaded). */
  #alarmSet = false;

  constructor(host: AgentHost) {
    this.#host = host;
    this.#store = new AgentStore(host.storage.sql);
    this.#feed = new RegistryFeed(() => host.registry(), host.log);
    this.#record = this.#store.read();
  }

  start(id: string, name: string): Promise<Outcome<AgentInfo>> {
    return this.#queue.run(async () => {
      if (this.#record) return { error: `agent ${id} already exists` };
      const guest = await this.#activate({ id, name });
      this.#record = { id, name, status: "starting", data: await guest.getState(), updated: now() };
      this.#guest = guest;
      try {
        await this.#changed();
        await guest.event("initialize");
        await this.#save();
        await this.#setStatus("running");
        // Listed by the time the caller has its id.
        await this.#feed.settled();
      } catch (err) {
        // Left "starting": a message resumes it from what was saved.
        this.#guest = undefined;
        throw err;
      } finally {
        this.#touch();
      }
      return { ok: this.#info() };
    });
  }

  info(id: string): Outcome<AgentInfo> {
    return this.#record ? { ok: this.#info() } : { error: AgentErrors.notFound(id) };
  }

  send(id: string, msgName: string, data: string | null, respond: boolean): Promise<MessageOutcome> | MessageOutcome {
    const record = this.#record;
    if (!record) return { error: AgentErrors.notFound(id) };
    if (isEnding(record.status) || this.#stopRequested) return { error: AgentErrors.unavailable() };
    const work = this.#queue.run(() => this.#handle(msgName, data));
    if (respond) return work;
    work.then((outcome) => {
      if ("failure" in outcome) this.#host.log({ level: "error", msg: "agent message failed", agentId: id, msgName, error: outcome.failure });
    });
    return { data: null };
  }

  /** Terminates the agent after whatever is queued; answers at once, as Modus does, with `stopping`. */
  stop(id: string): Outcome<AgentInfo> {
    const record = this.#record;
    if (!record) return { error: AgentErrors.notFound(id) };
    if (record.status === "terminated") return { ok: this.#info() };
    if (!this.#stopRequested) {
      this.#stopRequested = true;
      this.#queue.run(() => this.#terminate()).catch((err) => this.#host.log({ level: "error", msg: "agent stop failed", agentId: id, error: message(err) }));
    }
    return { ok: { ...this.#info(), status: "stopping" } };
  }

  publish(eventName: string, data: unknown): void {
    this.#events.publish({ name: eventName, data: data ?? null, timestamp: now() });
  }

  subscribe(id: string): Outcome<ReadableStream<Uint8Array>> {
    const record = this.#record;
    if (!record) return { error: AgentErrors.notFound(id) };
    if (isEnding(record.status)) return { error: AgentErrors.cannotSubscribe(id, record.status) };
    return { ok: this.#events.open() };
  }

  /** The idle check: suspends an agent nothing has used for the idle time. */
  alarm(): Promise<void> {
    return this.#queue.run(async () => {
      const record = this.#record;
      if (!record || record.status === "terminated" || record.status === "suspended") return;
      // Left "stopping" by a restart mid-stop: finish it.
      if (record.status === "stopping") return this.#terminate();
      // Active before a restart, but its instance is gone: its last saved state stands.
      if (!this.#guest) return this.#setStatus("suspended");
      this.#alarmSet = false;
      const due = this.#lastActivity + this.#host.idleMs;
      if (Date.now() < due) return this.#armAlarm(due);
      // More work is queued behind this check; it re-arms the alarm when done.
      if (this.#queue.pending > 1) return;
      await this.#setStatus("suspending");
      try {
        await this.#guest.event("suspend");
        await this.#save();
      } catch (err) {
        // Suspended all the same, from the state saved after its last message.
        this.#host.log({ level: "error", msg: "agent suspend hook failed", agentId: record.id, error: message(err) });
      }
      this.#guest = undefined;
      await this.#setStatus("suspended");
    });
  }

  async #handle(msgName: string, data: string | null): Promise<MessageOutcome> {
    const record = this.#record!;
    if (isEnding(record.status)) return { failure: AgentErrors.notRunning(record.status) };
    try {
      if (!this.#guest) await this.#resume();
      if (record.status !== "running") return { failure: AgentErrors.notRunning(record.status) };
      const reply = await this.#guest!.message(msgName, data);
      await this.#save();
      return { data: reply };
    } catch (err) {
      // A failed call leaves the instance in an unknown state; the next
      // message resumes a fresh one from the last saved state.
      this.#guest = undefined;
      return { failure: message(err) };
    } finally {
      this.#touch();
    }
  }

  async #resume(): Promise<void> {
    const record = this.#record!;
    const guest = await this.#activate(record);
    await this.#setStatus("resuming");
    await guest.setState(record.data);
    await guest.event("resume");
    this.#guest = guest;
    await this.#setStatus("running");
  }

  async #terminate(): Promise<void> {
    const record = this.#record!;
    if (record.status === "terminated") return;
    try {
      if (!this.#guest) {
        this.#guest = await this.#activate(record);
        await this.#guest.setState(record.data);
      }
      await this.#setStatus("stopping");
      await this.#guest.event("terminate");
      await this.#save();
    } catch (err) {
      // Terminated all the same: a stop is for good.
      this.#host.log({ level: "error", msg: "agent terminate hook failed", agentId: record.id, error: message(err) });
    } finally {
      this.#guest = undefined;
      this.#alarmSet = false;
      await this.#host.storage.deleteAlarm();
      await this.#setStatus("terminated");
      this.#events.close();
    }
  }

  #activate(agent: { id: string; name: string }): Promise<AgentGuest> {
    return AgentGuest.activate(this.#host.module(), this.#host.env, {
      id: agent.id,
      name: agent.name,
      publish: (eventName, data) => this.publish(eventName, data),
    });
  }

  async #save(): Promise<void> {
    const record = this.#record!;
    const data = await this.#guest!.getState();
    // Unchanged (a read-only message): what is on disk is already this state.
    if (data === record.data) return;
    record.data = data;
    record.updated = now();
    this.#store.write(record);
  }

  async #setStatus(status: AgentStatus): Promise<void> {
    if (this.#record!.status === status) return;
    this.#record!.status = status;
    this.#record!.updated = now();
    await this.#changed();
  }

  // Saved, then recorded for listAgents, then told to subscribers (Modus's order).
  async #changed(): Promise<void> {
    const record = this.#record!;
    this.#store.write(record);
    this.#feed.record({ id: record.id, name: record.name, status: record.status, updated: record.updated });
    this.publish(STATUS_EVENT, { status: record.status });
  }

  // One alarm per idle period, not one per message: when it fires early it
  // re-arms itself for the idle time after the latest message.
  #touch(): void {
    this.#lastActivity = Date.now();
    if (!this.#alarmSet) this.#armAlarm(this.#lastActivity + this.#host.idleMs);
  }

  #armAlarm(at: number): void {
    this.#alarmSet = true;
    void this.#host.storage.setAlarm(at);
  }

  #info(): AgentInfo {
    const { id, name, status } = this.#record!;
    return { id, name, status };
  }
}
