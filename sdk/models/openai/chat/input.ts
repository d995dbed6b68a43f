import { JSON } from "json-as";
import { RequestMessage } from "./messages";
import { Tool } from "./tools";
import { quote, reserve, omitted } from "../../../assembly/internal/json";

// Every option is omitted from the request while it has its default, so the
// provider applies its own default (the defaults here are the API's).

/** The request body of a chat completion. */
@json
export class OpenAIChatInput {
  /** The provider's model name; `createInput` sets it. */
  model!: string;

  messages!: RequestMessage[];

  /** Output modalities; text is implied when empty. */
  @omitif((self: OpenAIChatInput) => omitted(self.modalities.length == 0))
  modalities: Modality[] = [];

  /** Audio output settings; required when `modalities` includes audio. */
  @omitnull()
  audio: AudioParameters | null = null;

  /** Asks for spoken output (with its transcript) in `voice` and `format`. */
  requestAudioOutput(voice: string, format: string): void {
    this.modalities = [Modality.Text, Modality.Audio];
    this.audio = new AudioParameters(voice, format);
  }

  /** -2.0 to 2.0; positive values discourage repeating tokens by frequency. */
  @alias("frequency_penalty")
  @omitif((self: OpenAIChatInput) => omitted(self.frequencyPenalty == 0.0))
  frequencyPenalty: f64 = 0.0;

  /** Token id (as a string) to a bias from -100 to 100. */
  @alias("logit_bias")
  @omitnull()
  logitBias: Map<string, f64> | null = null;

  /** Return the log probability of each output token. */
  @omitif((self: OpenAIChatInput) => omitted(self.logprobs == false))
  logprobs: bool = false;

  /** 0 to 20 most likely alternatives per token; needs `logprobs`. */
  @alias("top_logprobs")
  @omitif((self: OpenAIChatInput) => omitted(self.logprobs == false))
  topLogprobs: i32 = 0;

  /** @deprecated Use `maxCompletionTokens` unless the model requires "max_tokens". */
  @alias("max_tokens")
  @omitif((self: OpenAIChatInput) => omitted(self.maxTokens == 4096))
  maxTokens: i32 = 4096;

  /** Upper bound on generated tokens. */
  @alias("max_completion_tokens")
  @omitif((self: OpenAIChatInput) => omitted(self.maxCompletionTokens == 4096))
  maxCompletionTokens: i32 = 4096;

  /** How many choices to generate. */
  @omitif((self: OpenAIChatInput) => omitted(self.n == 1))
  n: i32 = 1;

  /** -2.0 to 2.0; positive values encourage new topics. */
  @alias("presence_penalty")
  @omitif((self: OpenAIChatInput) => omitted(self.presencePenalty == 0.0))
  presencePenalty: f64 = 0.0;

  /** Text (default), any JSON object, or JSON matching a schema. */
  @alias("response_format")
  @omitif((self: OpenAIChatInput) => omitted(self.responseFormat.type == "text"))
  responseFormat: ResponseFormat = ResponseFormat.Text;

  /** Best-effort deterministic sampling; -1 means unset. */
  @omitif((self: OpenAIChatInput) => omitted(self.seed == -1))
  seed: i32 = -1;

  /** The latency tier, for scale-tier customers. */
  @alias("service_tier")
  @omitnull()
  serviceTier: ServiceTier | null = null;

  /** Up to 4 sequences that end generation. */
  @omitnull()
  stop: string[] | null = null;

  /** 0.0 to 2.0; higher is more random. */
  @omitif((self: OpenAIChatInput) => omitted(self.temperature == 1.0))
  temperature: f64 = 1.0;

  /** Nucleus sampling mass, 0.0 to 1.0. */
  @alias("top_p")
  @omitif((self: OpenAIChatInput) => omitted(self.topP == 1.0))
  topP: f64 = 1.0;

  /** Functions the model may call (at most 128). */
  @omitnull()
  tools: Tool[] | null = null;

  /** Whether and which tool the model must call. */
  @alias("tool_choice")
  @omitnull()
  toolChoice: ToolChoice | null = null;

  /** Allow several tool calls in one turn; only sent when false and tools are given. */
  @alias("parallel_tool_calls")
  @omitif((self: OpenAIChatInput) => omitted(self.parallelToolCalls == true || !self.tools || self.tools!.length == 0))
  parallelToolCalls: bool = true;

  /** An end-user id, for abuse monitoring. */
  @omitnull()
  user: string | null = null;
}

/**
 * Which tool the model should call: `ToolChoice.None`, `.Auto`, `.Required`,
 * or `ToolChoice.Function("name")`.
 *
 * @example input.toolChoice = ToolChoice.Function("get_weather");
 */
@json
export class ToolChoice {
  private constructor(type: string, fnName: string | null = null) {
    this.type = type;
    if (fnName) {
      const fn = new ToolChoiceFunction();
      fn.name = fnName;
      this.function = fn;
    }
  }

  type: string;

  function: ToolChoiceFunction | null = null;

  static get None(): ToolChoice {
    return new ToolChoice("none");
  }

  static get Auto(): ToolChoice {
    return new ToolChoice("auto");
  }

  static get Required(): ToolChoice {
    return new ToolChoice("required");
  }

  static Function(name: string): ToolChoice {
    return new ToolChoice("function", name);
  }

  // The API takes the mode as a bare string, and a named function as an object.
  @serializer
  private serialize(self: ToolChoice): string {
    const fn = self.function;
    if (self.type == "function" && fn) {
      return reserve(`{"type":"function","function":{"name":${quote(fn.name)}}}`);
    }
    return reserve(quote(self.type));
  }

  @deserializer
  private deserialize(json: string): ToolChoice {
    throw new Error("Not implemented.");
  }
}

/** The function a `ToolChoice` names. */
@json
class ToolChoiceFunction {
  name!: string;
}

/** Output modalities. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace Modality {
  export const Text = "text";
  export const Audio = "audio";
}
export type Modality = string;

/** Processing tiers. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace ServiceTier {
  export const Auto = "auto";
  export const Default = "default";
}
export type ServiceTier = string;

/** The voice and format of spoken output. */
@json
export class AudioParameters {
  constructor(voice: string, format: string) {
    this.voice = voice;
    this.format = format;
  }

  /** A voice such as "ash" or "ballad". */
  voice: string;

  /** An audio format such as "wav" or "mp3". */
  format: string;
}

type JsonSchemaFunction = (jsonSchema: string) => ResponseFormat;

/**
 * The format the model must answer in.
 *
 * @example input.responseFormat = ResponseFormat.JsonSchema('{"name":"person","schema":{...}}');
 */
@json
export class ResponseFormat {
  /** "text", "json_object" or "json_schema". */
  readonly type!: string;

  /** For "json_schema": the `json_schema` object (name, schema, strict). */
  @omitnull()
  @alias("json_schema")
  readonly jsonSchema: JSON.Raw | null = null;

  /** Any JSON object (tell the model so in a message as well). */
  static Json: ResponseFormat = { type: "json_object", jsonSchema: null };

  /** JSON that matches the given `json_schema` object (Structured Outputs). */
  static JsonSchema: JsonSchemaFunction = (jsonSchema: string): ResponseFormat => {
    return { type: "json_schema", jsonSchema: JSON.Raw.from(jsonSchema) };
  };

  /** Plain text (the default). */
  static Text: ResponseFormat = { type: "text", jsonSchema: null };
}
