import { JSON } from "json-as";
import { models } from "@hypermode/modus-sdk-as";
import { TextGenerationModel, TextGenerationOutput } from "@hypermode/modus-sdk-as/models/meta/llama";
import { EmbeddingsModel, EmbeddingsOutput } from "@hypermode/modus-sdk-as/models/experimental/embeddings";
import { ClassificationModel, ClassificationOutput } from "@hypermode/modus-sdk-as/models/experimental/classification";

/** A Llama request; options equal to their defaults are not sent. */
export function llamaRequest(prompt: string, temperature: f64, maxGenLen: i32): string {
  const input = models.getModel<TextGenerationModel>("chat").createInput(prompt);
  input.temperature = temperature;
  input.maxGenLen = maxGenLen;
  return JSON.stringify(input);
}

/** The generated text of a Llama response. */
export function llamaResponseText(response: string): string {
  return JSON.parse<TextGenerationOutput>(response).generation;
}

/** An `{"instances": [...]}` embeddings request. */
export function instancesEmbeddingsRequest(texts: string[]): string {
  return JSON.stringify(models.getModel<EmbeddingsModel>("embeddings").createInput(texts));
}

/** The vectors of an `{"predictions": [...]}` embeddings response. */
export function instancesEmbeddingsResponse(response: string): f32[][] {
  return JSON.parse<EmbeddingsOutput>(response).predictions;
}

/** An `{"instances": [...]}` classification request. */
export function classificationRequest(texts: string[]): string {
  return JSON.stringify(models.getModel<ClassificationModel>("chat").createInput(texts));
}

/** The top label of the first prediction, with its confidence. */
export function classificationTopLabel(response: string): string {
  const result = JSON.parse<ClassificationOutput>(response).predictions[0];
  return `${result.label}:${result.confidence}`;
}
