import { models } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import { OpenAIEmbeddingsModel, OpenAIEmbeddingsOutput } from "@hypermode/modus-sdk-as/models/openai/embeddings";

function embeddingsModel(): OpenAIEmbeddingsModel {
  return models.getModel<OpenAIEmbeddingsModel>("embeddings");
}

/** Embeds `texts` with the "embeddings" model. */
export function openaiEmbed(texts: string[]): f32[][] {
  const model = embeddingsModel();
  const data = model.invoke(model.createInput(texts)).data;
  const out = new Array<f32[]>(data.length);
  for (let i = 0; i < data.length; i++) out[data[i].index] = data[i].embedding;
  return out;
}

/** The request for one text; `dimensions` -1 keeps the default (and is not sent). */
export function openaiEmbeddingsRequest(text: string, dimensions: i32, user: string): string {
  const input = embeddingsModel().createInput(text);
  input.dimensions = dimensions;
  if (user.length > 0) input.user = user;
  return JSON.stringify(input);
}

/** The request for several texts. */
export function openaiEmbeddingsBatchRequest(texts: string[]): string {
  return JSON.stringify(embeddingsModel().createInput(texts));
}

/** The request for pre-tokenised input. */
export function openaiEmbeddingsTokensRequest(tokens: i32[]): string {
  return JSON.stringify(embeddingsModel().createInput(tokens));
}

/** The first embedding of an embeddings response. */
export function openaiEmbeddingsResponseVector(response: string): f32[] {
  return JSON.parse<OpenAIEmbeddingsOutput>(response).data[0].embedding;
}
