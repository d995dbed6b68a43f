// The collections benchmark's app: one collection searched by 384-dimension
// vectors (the size of all-MiniLM-L6-v2's), which the provider stub makes.
import { collections, models } from "@hypermode/modus-sdk-as";
import { OpenAIEmbeddingsModel } from "@hypermode/modus-sdk-as/models/openai/embeddings";

export function embed(texts: string[]): f32[][] {
  const model = models.getModel<OpenAIEmbeddingsModel>("embeddings");
  const input = model.createInput(texts);
  input.dimensions = 384;
  const data = model.invoke(input).data;
  const out = new Array<f32[]>(data.length);
  for (let i = 0; i < data.length; i++) out[data[i].index] = data[i].embedding;
  return out;
}

export function addDocs(keys: string[], texts: string[]): i32 {
  const result = collections.upsertBatch("docs", keys, texts);
  if (!result.isSuccessful) throw new Error(result.error);
  return result.keys.length;
}

/** The nearest keys to a text: the embedder (a model call), then the search. */
export function searchDocs(text: string, limit: i32): string[] {
  return keys(collections.search("docs", "minilm", text, limit));
}

/** The nearest keys to a vector: the search alone. */
export function searchDocsByVector(vector: f32[], limit: i32): string[] {
  return keys(collections.searchByVector("docs", "minilm", vector, limit));
}

export function getDocVector(key: string): f32[] {
  return collections.getVector("docs", "minilm", key);
}

/** One call to the collection's object that does not search. */
export function getDoc(key: string): string {
  return collections.getText("docs", key);
}

/** No host call at all: a function call's own cost. */
export function echo(text: string): string {
  return text;
}

function keys(result: collections.CollectionSearchResult): string[] {
  if (!result.isSuccessful) throw new Error(result.error);
  return result.objects.map<string>((o) => o.key);
}
