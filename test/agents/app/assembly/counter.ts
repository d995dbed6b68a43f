import { Agent, AgentEvent } from "@hypermode/modus-sdk-as";

/** Keeps a count; publishes `countUpdated` after each increment. */
export class CounterAgent extends Agent {
  private count: i32 = 0;
  /** Lifecycle hooks the agent saw, in order (kept in its state). */
  private hooks: string[] = [];

  get name(): string {
    return "Counter";
  }

  getState(): string | null {
    return `${this.count}|${this.hooks.join(",")}`;
  }

  setState(data: string | null): void {
    if (data == null) return;
    const bar = data.indexOf("|");
    this.count = i32.parse(data.slice(0, bar));
    const hooks = data.slice(bar + 1);
    this.hooks = hooks.length ? hooks.split(",") : [];
  }

  onInitialize(): void {
    this.hooks.push("initialize");
  }

  onSuspend(): void {
    this.hooks.push("suspend");
  }

  onResume(): void {
    this.hooks.push("resume");
  }

  onTerminate(): void {
    this.hooks.push("terminate");
    this.publishEvent(new Farewell(this.count));
  }

  onReceiveMessage(name: string, data: string | null): string | null {
    if (name == "count") return this.count.toString();
    if (name == "hooks") return this.hooks.join(",");
    if (name == "increment") {
      this.count += data != null ? i32.parse(data) : 1;
      this.publishEvent(new CountUpdated(this.count));
      return this.count.toString();
    }
    if (name == "explode") throw new Error(`the counter refuses to explode at ${this.count}`);
    return null;
  }
}

@json
class CountUpdated extends AgentEvent {
  constructor(public count: i32) {
    super("countUpdated");
  }
}

@json
class Farewell extends AgentEvent {
  constructor(public finalCount: i32) {
    super("farewell");
  }
}
