// The Gemini generateContent API (https://ai.google.dev/api/generate-content),
// import "@hypermode/modus-sdk-as/models/gemini/generate".
import { JSON } from "json-as";
import { omitted } from "../../assembly/internal/json";
import { Model } from "../../assembly/models";

/**
 * A Gemini model. The model's name is part of its URL (the connection path),
 * so the request body does not carry it.
 *
 * @example
 *   const model = models.getModel<GeminiGenerateModel>("gemini");
 *   const input = model.createInput([new UserTextContent("Hello")]);
 *   const text = model.invoke(input).candidates[0].content!.parts[0].text;
 */
export class GeminiGenerateModel extends Model<GeminiGenerateInput, GeminiGenerateOutput> {
  createInput(contents: PromptContent[]): GeminiGenerateInput {
    const input = new GeminiGenerateInput();
    input.contents = contents;
    return input;
  }
}

/** A turn of the conversation: a role and its parts. */
@json
export class PromptContent {
  constructor(role: string, parts: Part[]) {
    this._role = role;
    this.parts = parts;
  }

  @alias("role")
  protected _role: string;

  /** "user", "model" or "system". */
  get role(): string {
    return this._role;
  }

  /** Text parts. */
  parts: Part[];
}

/** A text part. */
@json
export class Part {
  text!: string;
}

function textParts(text: string): Part[] {
  const part = new Part();
  part.text = text;
  return [part];
}

/** @example new UserContent([part1, part2]) */
@json
export class UserContent extends PromptContent {
  constructor(parts: Part[]) {
    super("user", parts);
  }
}

/** @example new UserTextContent("What is the capital of Peru?") */
@json
export class UserTextContent extends UserContent {
  constructor(content: string) {
    super(textParts(content));
  }
}

/** For `GeminiGenerateInput.systemInstruction`. @example new SystemTextContent("Be concise.") */
@json
export class SystemTextContent extends PromptContent {
  constructor(content: string) {
    super("system", textParts(content));
  }
}

/** A previous answer of the model. */
@json
export class ModelContent extends PromptContent {
  constructor(parts: Part[]) {
    super("model", parts);
  }
}

/** @example new ModelTextContent("Lima.") */
@json
export class ModelTextContent extends ModelContent {
  constructor(content: string) {
    super(textParts(content));
  }
}

/** The request body. */
@json
export class GeminiGenerateInput {
  contents!: PromptContent[];

  /** System instructions (text only). */
  @omitnull()
  systemInstruction: PromptContent | null = null;

  // Sent as null when unset, as Modus does.
  generationConfig: GenerationConfig | null = null;

  @omitnull()
  safetySettings: SafetySetting[] | null = null;

  /** The name of cached content to use as context. */
  @omitnull()
  cachedContent: string | null = null;
}

/** Generation options; those left at their defaults (-1 or text/plain) are not sent. */
@json
export class GenerationConfig {
  /** Must be 1 for now. */
  candidateCount: i32 = 1;

  /** Up to 5 sequences that end generation. */
  @omitnull()
  stopSequences: string[] | null = null;

  @omitif((self: GenerationConfig) => omitted(self.maxOutputTokens == -1))
  maxOutputTokens: i32 = -1;

  @omitif((self: GenerationConfig) => omitted(self.temperature == -1.0))
  temperature: f64 = -1.0;

  @omitif((self: GenerationConfig) => omitted(self.topP == -1.0))
  topP: f64 = -1.0;

  @omitif((self: GenerationConfig) => omitted(self.topK == -1))
  topK: i32 = -1;

  /** "text/plain" or "application/json". */
  @omitif((self: GenerationConfig) => omitted(self.responseMimeType == "text/plain"))
  responseMimeType: string = "text/plain";

  /** A schema for JSON output (with "application/json"). */
  @omitnull()
  responseSchema: JSON.Raw | null = null;
}

/** A blocking threshold for one harm category. */
@json
export class SafetySetting {
  category!: HarmCategory;
  threshold!: HarmBlockThreshold;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace HarmCategory {
  export const UNSPECIFIED = "HARM_CATEGORY_UNSPECIFIED";
  export const HATE_SPEECH = "HARM_CATEGORY_HATE_SPEECH";
  export const SEXUALLY_EXPLICIT = "HARM_CATEGORY_SEXUALLY_EXPLICIT";
  export const HARASSMENT = "HARM_CATEGORY_HARASSMENT";
  export const DANGEROUS_CONTENT = "HARM_CATEGORY_DANGEROUS_CONTENT";
}
export type HarmCategory = string;

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace HarmBlockThreshold {
  export const HARM_BLOCK_THRESHOLD_UNSPECIFIED = "HARM_BLOCK_THRESHOLD_UNSPECIFIED";
  export const BLOCK_LOW_AND_ABOVE = "BLOCK_LOW_AND_ABOVE";
  export const BLOCK_MEDIUM_AND_ABOVE = "BLOCK_MEDIUM_AND_ABOVE";
  export const BLOCK_ONLY_HIGH = "BLOCK_ONLY_HIGH";
  export const BLOCK_NONE = "BLOCK_NONE";
}
export type HarmBlockThreshold = string;

/** The response body. */
@json
export class GeminiGenerateOutput {
  candidates!: Candidate[];

  /** Set when the prompt was blocked. */
  @omitnull()
  promptFeedback: PromptFeedback | null = null;

  usageMetadata!: UsageMetadata;
}

/** One generated answer. */
@json
export class Candidate {
  index!: i8;

  @omitnull()
  content: ResponseContent | null = null;

  @omitnull()
  finishReason: FinishReason | null = null;

  @omitnull()
  safetyRatings: SafetyRating[] | null = null;

  @omitnull()
  citationMetadata: CitationMetadata | null = null;
}

/** The content of a candidate. */
@json
export class ResponseContent {
  role!: string;

  parts!: Part[];
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace FinishReason {
  export const FINISH_REASON_UNSPECIFIED = "FINISH_REASON_UNSPECIFIED";
  export const STOP = "STOP";
  export const MAX_TOKENS = "MAX_TOKENS";
  export const SAFETY = "SAFETY";
  export const RECITATION = "RECITATION";
  export const LANGUAGE = "LANGUAGE";
  export const OTHER = "OTHER";
}
export type FinishReason = string;

/** How likely a text is to fall in a harm category. */
@json
export class SafetyRating {
  category!: HarmCategory;
  probability!: HarmProbability;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace HarmProbability {
  export const HARM_PROBABILITY_UNSPECIFIED = "HARM_PROBABILITY_UNSPECIFIED";
  export const NEGLIGIBLE = "NEGLIGIBLE";
  export const LOW = "LOW";
  export const MEDIUM = "MEDIUM";
  export const HIGH = "HIGH";
}
export type HarmProbability = string;

/** Sources a candidate quotes. */
@json
export class CitationMetadata {
  citationSources!: CitationSource[];
}

@json
export class CitationSource {
  startIndex!: i64;

  endIndex!: i64;

  @omitnull()
  uri: string | null = null;

  license: string | null = null;
}

/** Why a prompt was blocked. */
@json
export class PromptFeedback {
  blockReason!: BlockReason;
  safetyRatings!: SafetyRating[];
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace BlockReason {
  export const BLOCKED_REASON_UNSPECIFIED = "BLOCKED_REASON_UNSPECIFIED";
  export const SAFETY = "SAFETY";
  export const OTHER = "OTHER";
}
export type BlockReason = string;

/** Token counts of a request. */
@json
export class UsageMetadata {
  promptTokenCount!: i32;

  /** 0 when the prompt was blocked. */
  candidatesTokenCount: i32 = 0;

  totalTokenCount!: i32;

  cachedContentTokenCount: i32 = 0;
}
