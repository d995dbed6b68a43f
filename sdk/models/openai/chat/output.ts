import { JSON } from "json-as";
import { omitted } from "../../../assembly/internal/json";
import { ModelError } from "../../../assembly/models";
import * as base64 from "../../../assembly/internal/base64";
import { ServiceTier } from "./input";
import { ToolCall } from "./tools";
import { AssistantMessage, AudioRef } from "./messages";

/** The response body of a chat completion. */
@json
export class OpenAIChatOutput {
  id!: string;

  /** Always "chat.completion". */
  object!: string;

  /** One per requested completion (`n`). */
  choices!: Choice[];

  /** When the completion was created. */
  get created(): Date {
    return new Date(this._created * 1000);
  }

  @alias("created")
  private _created!: i64;

  model!: string;

  /** Set when the request named a service tier. */
  @alias("service_tier")
  serviceTier: ServiceTier | null = null;

  /** Identifies the backend configuration, to compare with `seed`. */
  @alias("system_fingerprint")
  systemFingerprint!: string;

  usage!: Usage;
}

/** Token counts of a request. */
@json
export class Usage {
  @alias("completion_tokens")
  completionTokens!: i32;

  @alias("prompt_tokens")
  promptTokens!: i32;

  @alias("total_tokens")
  totalTokens!: i32;
}

/** One generated completion. */
@json
export class Choice {
  /** "stop", "length", "content_filter" or "tool_calls". */
  @alias("finish_reason")
  finishReason!: string;

  index!: i32;

  message!: CompletionMessage;

  logprobs!: Logprobs | null;
}

/** Log probabilities of a choice's tokens. */
@json
export class Logprobs {
  content: LogprobsContent[] | null = null;
}

/** One output token and its log probability. */
@json
export class LogprobsContent {
  token!: string;

  /** -9999.0 when the token is outside the top 20. */
  logprob!: f64;

  /** The token's UTF-8 bytes, when it has them. */
  bytes!: u8[] | null;

  @alias("top_logprobs")
  topLogprobs!: TopLogprobsContent[];
}

/** A likely alternative token at one position. */
@json
export class TopLogprobsContent {
  token!: string;

  logprob!: f64;

  bytes!: u8[] | null;
}

/**
 * The message the model generated. To continue the conversation, send it back
 * with `toAssistantMessage()`.
 */
@json
export class CompletionMessage {
  // Both stored nullable, read through the accessors below: json-as leaves a
  // field of an object nested in the response null when its key is absent,
  // initializer or not (an answer without "tool_calls"), and providers send
  // "content": null beside tool calls.
  @alias("content")
  private _content: string | null = null;

  @omitnull()
  refusal: string | null = null;

  @alias("tool_calls")
  @omitif((self: CompletionMessage) => omitted(self.toolCalls.length == 0))
  private _toolCalls: ToolCall[] | null = null;

  /** The text of the message; "" when there is none (as beside tool calls). */
  get content(): string {
    const content = this._content;
    return content == null ? "" : content;
  }

  set content(value: string) {
    this._content = value;
  }

  /** The calls the model asks you to make; empty when it answered with text. */
  get toolCalls(): ToolCall[] {
    let calls = this._toolCalls;
    if (calls == null) {
      calls = [];
      this._toolCalls = calls;
    }
    return calls;
  }

  set toolCalls(value: ToolCall[]) {
    this._toolCalls = value;
  }

  /** Spoken output, when audio was requested. */
  @omitnull()
  audio: AudioOutput | null = null;

  /** This message as conversation history. */
  toAssistantMessage(): AssistantMessage<string> {
    const m = new AssistantMessage<string>(this.content);
    m.refusal = this.refusal;
    m.toolCalls = this.toolCalls;
    const audio = this.audio;
    if (audio) m.audio = new AudioRef(audio.id);
    return m;
  }
}

/** Spoken output of the model. */
@json
export class AudioOutput {
  id!: string;

  /** Until when the audio can be referred to in later turns. */
  get expiresAt(): Date {
    return new Date(this._expiresAt * 1000);
  }

  @alias("expires_at")
  private _expiresAt!: i64;

  /** The audio bytes, in the requested format. */
  get data(): Uint8Array {
    return base64.decode(this._data);
  }

  @alias("data")
  private _data!: string;

  transcript!: string;
}

/** An error object in a provider response. */
@json
class ChatModelError extends ModelError {
  type: string = "";

  message: string = "";

  param: string | null = null;

  code: string | null = null;

  toString(): string {
    return this.message;
  }
}

// Providers compatible with OpenAI answer errors with a 200 and an `error` object.
export function validateChatModelResponse(data: string): ModelError | null {
  if (data.length == 0) throw new Error("No response received from model invocation");
  const body = JSON.parse<JSON.Obj>(data);
  const error = body.get("error");
  if (!error) return null;
  return JSON.parse<ChatModelError>(error.toString());
}
