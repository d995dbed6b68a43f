import { JSON } from "json-as";
import { ContentPart } from "./content";
import { ToolCall } from "./tools";
import { CompletionMessage } from "./output";
import { reserve, omitted } from "../../../assembly/internal/json";

/** A message of the conversation sent to the model. */
@json
export abstract class RequestMessage {
  constructor(role: string) {
    this._role = role;
  }

  @alias("role")
  protected _role: string;

  /** "system", "developer", "user", "assistant" or "tool". */
  get role(): string {
    return this._role;
  }
}

// A message's content is a string or an array of content parts of the kinds its role allows.
function checkContent<T>(content: T, allowed: string[], kinds: string): void {
  if (isString<T>()) return;
  if (isArray<T>()) {
    const parts = changetype<ContentPart[]>(content);
    for (let i = 0; i < parts.length; i++) {
      if (!allowed.includes(parts[i].type)) {
        throw new Error(`Invalid content part type. Content parts must be of ${kinds} type.`);
      }
    }
    return;
  }
  throw new Error("Invalid content type. Content must be a string or an array of content parts.");
}

/**
 * Setup instructions for the model (renamed "developer" by OpenAI; use what the model expects).
 *
 * @example new SystemMessage("You are a helpful assistant.")
 */
@json
export class SystemMessage<T> extends RequestMessage {
  constructor(content: T) {
    super("system");
    checkContent(content, ["text"], "text");
    this.content = content;
  }

  content: T;

  /** Tells apart participants with the same role. */
  @omitnull()
  name: string | null = null;

  static fromParts(parts: ContentPart[]): SystemMessage<ContentPart[]> {
    return new SystemMessage<ContentPart[]>(parts);
  }
}

/**
 * Setup instructions for the model (the newer name of the system role).
 *
 * @example new DeveloperMessage("Answer in French.")
 */
@json
export class DeveloperMessage<T> extends RequestMessage {
  constructor(content: T) {
    super("developer");
    checkContent(content, ["text"], "text");
    this.content = content;
  }

  content: T;

  @omitnull()
  name: string | null = null;

  static fromParts(parts: ContentPart[]): DeveloperMessage<ContentPart[]> {
    return new DeveloperMessage<ContentPart[]>(parts);
  }
}

/**
 * What the user says: text, or text, image and audio parts.
 *
 * @example UserMessage.fromParts([new TextContentPart("What is this?"), new ImageContentPart(Image.fromURL(url))])
 */
@json
export class UserMessage<T> extends RequestMessage {
  constructor(content: T) {
    super("user");
    checkContent(content, ["text", "image_url", "input_audio"], "text, image, or audio");
    this.content = content;
  }

  content: T;

  @omitnull()
  name: string | null = null;

  static fromParts(parts: ContentPart[]): UserMessage<ContentPart[]> {
    return new UserMessage<ContentPart[]>(parts);
  }
}

/**
 * A previous answer of the model, replayed as conversation history.
 *
 * @example messages.push(AssistantMessage.fromCompletionMessage(output.choices[0].message));
 */
@json
export class AssistantMessage<T> extends RequestMessage {
  constructor(content: T) {
    super("assistant");
    checkContent(content, ["text", "refusal"], "text or refusal");
    this.content = content;
  }

  content: T;

  @omitnull()
  name: string | null = null;

  @omitnull()
  refusal: string | null = null;

  @alias("tool_calls")
  @omitif((self: AssistantMessage<T>) => omitted(self.toolCalls.length == 0))
  toolCalls: ToolCall[] = [];

  /** A previous audio answer, by id. */
  @omitnull()
  audio: AudioRef | null = null;

  static fromParts(parts: ContentPart[]): AssistantMessage<ContentPart[]> {
    return new AssistantMessage<ContentPart[]>(parts);
  }

  static fromCompletionMessage(cm: CompletionMessage): AssistantMessage<string> {
    return cm.toAssistantMessage();
  }
}

/** Refers to an earlier audio answer of the model. */
@json
export class AudioRef {
  constructor(id: string) {
    this.id = id;
  }

  id: string;
}

/**
 * The result of a tool call, sent back to the model.
 *
 * @example new ToolMessage(resultJson, call.id)
 */
@json
export class ToolMessage<T> extends RequestMessage {
  constructor(content: T, toolCallId: string) {
    super("tool");
    this.toolCallId = toolCallId;
    checkContent(content, ["text"], "text");
    this.content = content;
  }

  content: T;

  @alias("tool_call_id")
  toolCallId: string;

  static fromParts(toolCallId: string, parts: ContentPart[]): ToolMessage<ContentPart[]> {
    return new ToolMessage<ContentPart[]>(parts, toolCallId);
  }
}

// A message restored from JSON: it keeps and re-sends its JSON text as it was.
@json
class RawMessage extends RequestMessage {
  constructor(json: string) {
    const obj = JSON.parse<JSON.Obj>(json);
    const role = obj.get("role");
    if (!role) throw new Error("Missing role field in message JSON.");
    super(role.get<string>());
    this._data = json;
  }

  private _data: string;

  @serializer
  serialize(self: RawMessage): string {
    return reserve(self._data);
  }

  @deserializer
  deserialize(json: string): RawMessage {
    return new RawMessage(json);
  }
}

/**
 * Restores a conversation saved as a JSON array of messages. The messages
 * re-serialise exactly as they were; their specific classes are not restored.
 *
 * @example const history = parseMessages(savedJson);
 */
export function parseMessages(json: string): RequestMessage[] {
  const items = JSON.parse<JSON.Obj[]>(json);
  const out = new Array<RequestMessage>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = new RawMessage(items[i].toString());
  return out;
}
