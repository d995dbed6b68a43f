// The Anthropic Messages API (https://docs.anthropic.com/en/api/messages),
// import "@hypermode/modus-sdk-as/models/anthropic/messages".
import { JSON } from "json-as";
import { omitted } from "../../assembly/internal/json";
import { Model } from "../../assembly/models";

/**
 * A Claude model through the Anthropic Messages API.
 *
 * @example
 *   const model = models.getModel<AnthropicMessagesModel>("claude");
 *   const input = model.createInput([new UserMessage("Hello")]);
 *   input.system = "Answer in one sentence.";
 *   const text = model.invoke(input).content[0].text!;
 */
export class AnthropicMessagesModel extends Model<AnthropicMessagesInput, AnthropicMessagesOutput> {
  /** An input for `messages` (the system prompt goes in `input.system`, not in a message). */
  createInput(messages: Message[]): AnthropicMessagesInput {
    const input = new AnthropicMessagesInput();
    input.model = this.info.fullName;
    input.messages = messages;
    return input;
  }
}

/** A message of the conversation; its content is text. */
@json
export class Message {
  constructor(role: string, content: string) {
    this._role = role;
    this.content = content;
  }

  @alias("role")
  protected _role: string;

  /** "user" or "assistant". */
  get role(): string {
    return this._role;
  }

  content: string;
}

/** @example new UserMessage("What is 2 + 2?") */
@json
export class UserMessage extends Message {
  constructor(content: string) {
    super("user", content);
  }
}

/** @example new AssistantMessage("4") */
@json
export class AssistantMessage extends Message {
  constructor(content: string) {
    super("assistant", content);
  }
}

/** The request body; options left at their defaults are not sent. */
@json
export class AnthropicMessagesInput {
  /** The provider's model name; `createInput` sets it. */
  model!: string;

  messages!: Message[];

  /** Required by the API; default 4096. */
  @alias("max_tokens")
  maxTokens: i32 = 4096;

  @omitnull()
  metadata: Metadata | null = null;

  /** Text sequences that end generation. */
  @alias("stop_sequences")
  @omitnull()
  stopSequences: string[] | null = null;

  // Streaming cannot be consumed through `invoke`.
  @alias("stream")
  @omitif((self: AnthropicMessagesInput) => omitted(self._stream == false))
  private _stream: boolean = false;

  /** The system prompt. */
  @omitnull()
  system: string | null = null;

  /** 0.0 to 1.0; default 1.0. */
  @omitif((self: AnthropicMessagesInput) => omitted(self.temperature == 1.0))
  temperature: f64 = 1.0;

  /** `ToolChoiceAuto`, `ToolChoiceAny` or `ToolChoiceTool(name)`. */
  @alias("tool_choice")
  @omitnull()
  toolChoice: ToolChoice | null = null;

  @omitnull()
  tools: Tool[] | null = null;

  /** Sample from the top K tokens only; -1 means unset. */
  @alias("top_k")
  @omitif((self: AnthropicMessagesInput) => omitted(self.topK == -1))
  topK: i64 = -1;

  /** Nucleus sampling mass; 0.999 means unset. */
  @alias("top_p")
  @omitif((self: AnthropicMessagesInput) => omitted(self.topP == 0.999))
  topP: f64 = 0.999;
}

/** Request metadata. */
@json
export class Metadata {
  /** An opaque id of the end user. */
  @alias("user_id")
  userId: string | null = null;
}

/** A tool the model may use. */
@json
export class Tool {
  name!: string;

  /** A JSON Schema of the tool's input. */
  @alias("input_schema")
  inputSchema!: JSON.Raw;

  @omitnull()
  description: string | null = null;
}

/** How the model should use tools. */
@json
export class ToolChoice {
  constructor(type: string, name: string | null = null) {
    this._type = type;
    this._name = name;
  }

  @alias("type")
  protected _type: string;

  /** The tool to use, for type "tool". */
  @alias("name")
  @omitnull()
  protected _name: string | null = null;
}

/** The model decides whether to use tools. */
export const ToolChoiceAuto = new ToolChoice("auto");

/** The model must use one of the tools. */
export const ToolChoiceAny = new ToolChoice("any");

/** The model must use the named tool. @example input.toolChoice = ToolChoiceTool("get_weather"); */
export const ToolChoiceTool = (name: string): ToolChoice => new ToolChoice("tool", name);

/** The response body. */
@json
export class AnthropicMessagesOutput {
  id!: string;

  /** Text and tool-use blocks. */
  content!: ContentBlock[];

  model!: string;

  /** Always "assistant". */
  role!: string;

  /** "end_turn", "max_tokens", "stop_sequence" or "tool_use". */
  @alias("stop_reason")
  stopReason!: string;

  /** The custom stop sequence that was generated, if any. */
  @alias("stop_sequence")
  stopSequence: string | null = null;

  /** Always "message". */
  type!: string;

  usage!: Usage;
}

/** A block of generated content: text, or a tool use (id, name, input). */
@json
export class ContentBlock {
  type!: string;

  @omitnull()
  text: string | null = null;

  @omitnull()
  id: string | null = null;

  @omitnull()
  input: JSON.Raw | null = null;

  @omitnull()
  name: string | null = null;
}

/** Token counts of a request. */
// f64, not `number`: the same type, but json-as parses only the spelled-out name
// (a `number` field silently stayed 0).
@json
export class Usage {
  @alias("input_tokens")
  inputTokens!: f64;

  @alias("output_tokens")
  outputTokens!: f64;
}
