// An experimental embeddings interface for models that take `{"instances": [...]}`,
// import "@hypermode/modus-sdk-as/models/experimental/embeddings".
import { Model } from "../../assembly/models";

/**
 * An embeddings model answering `{"predictions": [[...], ...]}`.
 *
 * @example const vectors = model.invoke(model.createInput(["a", "b"])).predictions;
 */
export class EmbeddingsModel extends Model<EmbeddingsInput, EmbeddingsOutput> {
  createInput(instances: string[]): EmbeddingsInput {
    const input = new EmbeddingsInput();
    input.instances = instances;
    return input;
  }
}

@json
export class EmbeddingsInput {
  /** The texts to embed. */
  instances!: string[];
}

@json
export class EmbeddingsOutput {
  /** One vector per input text, in order. */
  predictions!: f32[][];
}
