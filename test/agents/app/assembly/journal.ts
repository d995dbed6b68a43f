import { Agent, AgentEvent, agents, models } from "@hypermode/modus-sdk-as";
import { OpenAIChatModel, UserMessage } from "@hypermode/modus-sdk-as/models/openai/chat";

/**
 * Appends entries to a list, asking a model about each one first: every
 * message suspends in a host call between reading and writing its state, so
 * messages handled concurrently on one instance would lose or reorder entries.
 */
export class JournalAgent extends Agent {
  private entries: string[] = [];

  get name(): string {
    return "Journal";
  }

  getState(): string | null {
    return this.entries.join("\n");
  }

  setState(data: string | null): void {
    this.entries = data == null || data.length == 0 ? [] : data.split("\n");
  }

  onReceiveMessage(name: string, data: string | null): string | null {
    if (name == "append") {
      const before = this.entries.length;
      ask("chat", data!);
      // Still the length it had: no other message ran while this one waited.
      if (this.entries.length != before) throw new Error("another message ran during this one");
      this.entries.push(data!);
      this.publishEvent(new EntryAdded(data!, this.entries.length));
      return this.entries.length.toString();
    }
    if (name == "entries") return this.entries.join("\n");
    if (name == "ponder") return ask("slow", data != null ? data! : "");
    // Waits for its own reply: the host refuses rather than deadlock.
    if (name == "askSelf") return agents.sendMessage(this.id, "entries");
    if (name == "tellSelf") {
      agents.sendMessageAsync(this.id, "append", "from myself");
      return "told";
    }
    return null;
  }
}

function ask(model: string, prompt: string): string {
  const chat = models.getModel<OpenAIChatModel>(model);
  return chat.invoke(chat.createInput([new UserMessage(prompt)])).choices[0].message.content;
}

@json
class EntryAdded extends AgentEvent {
  constructor(
    public entry: string,
    public position: i32,
  ) {
    super("entryAdded");
  }
}
