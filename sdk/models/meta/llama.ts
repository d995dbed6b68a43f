// Meta's Llama text generation (the Bedrock-style request), import "@hypermode/modus-sdk-as/models/meta/llama".
import { omitted } from "../../assembly/internal/json";
import { Model } from "../../assembly/models";

/**
 * A Llama text-generation model.
 *
 * @example const text = model.invoke(model.createInput(prompt)).generation;
 */
export class TextGenerationModel extends Model<TextGenerationInput, TextGenerationOutput> {
  createInput(prompt: string): TextGenerationInput {
    const input = new TextGenerationInput();
    input.prompt = prompt;
    return input;
  }
}

/** Options left at their defaults are not sent. */
@json
export class TextGenerationInput {
  /** The prompt, which may hold Llama's special tokens. */
  prompt!: string;

  /** Randomness; default 0.6. */
  @omitif((self: TextGenerationInput) => omitted(self.temperature == 0.6))
  temperature: f64 = 0.6;

  /** Nucleus sampling mass; default 0.9. */
  @omitif((self: TextGenerationInput) => omitted(self.topP == 0.9))
  @alias("top_p")
  topP: f64 = 0.9;

  /** Upper bound on generated tokens; default 512. */
  @omitif((self: TextGenerationInput) => omitted(self.maxGenLen == 512))
  @alias("max_gen_len")
  maxGenLen: i32 = 512;
}

@json
export class TextGenerationOutput {
  generation!: string;

  @alias("prompt_token_count")
  promptTokenCount!: i32;

  @alias("generation_token_count")
  generationTokenCount!: i32;

  /** "stop", or "length" when `maxGenLen` cut it short. */
  @alias("stop_reason")
  stopReason!: string;
}
