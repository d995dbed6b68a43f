// The OpenAI Embeddings API (https://platform.openai.com/docs/api-reference/embeddings),
// import "@hypermode/modus-sdk-as/models/openai/embeddings".
import { omitted } from "../../assembly/internal/json";
import { Model } from "../../assembly/models";

/**
 * An embeddings model that speaks the OpenAI Embeddings API.
 *
 * @example
 *   const model = models.getModel<OpenAIEmbeddingsModel>("embeddings");
 *   const vectors = model.invoke(model.createInput(["a", "b"])).data.map<f32[]>((d) => d.embedding);
 */
export class OpenAIEmbeddingsModel extends Model<OpenAIEmbeddingsInput, OpenAIEmbeddingsOutput> {
  /**
   * An input for `content`: a string, an array of strings, an array of token
   * ids, or an array of such arrays.
   */
  createInput<T>(content: T): OpenAIEmbeddingsInput {
    if (!isAcceptedContent<T>()) throw new Error("Unsupported input content type.");
    const input = new TypedEmbeddingsInput<T>();
    input.model = this.info.fullName.toLowerCase();
    input.input = content;
    return input;
  }
}

function isAcceptedContent<T>(): bool {
  if (!isReference<T>()) return false;
  const id = idof<T>();
  return (
    id == idof<string>() || id == idof<string[]>() ||
    id == idof<i64[]>() || id == idof<i32[]>() || id == idof<i16[]>() || id == idof<i8[]>() ||
    id == idof<u64[]>() || id == idof<u32[]>() || id == idof<u16[]>() || id == idof<u8[]>() ||
    id == idof<i64[][]>() || id == idof<i32[][]>() || id == idof<i16[][]>() || id == idof<i8[][]>() ||
    id == idof<u64[][]>() || id == idof<u32[][]>() || id == idof<u16[][]>() || id == idof<u8[][]>()
  );
}

/** The request body, without its `input` (see `TypedEmbeddingsInput`). */
@json
export class OpenAIEmbeddingsInput {
  /** The provider's model name; `createInput` sets it. */
  model!: string;

  /** Only `EncodingFormat.Float` can be decoded by this interface. */
  @alias("encoding_format")
  @omitif((self: OpenAIEmbeddingsInput) => omitted(self.encodingFormat == "float"))
  encodingFormat: string = EncodingFormat.Float;

  /** Output dimensions; -1 keeps the model's default. */
  @omitif((self: OpenAIEmbeddingsInput) => omitted(self.dimensions == -1))
  dimensions: i32 = -1;

  /** An end-user id, for abuse monitoring. */
  @omitnull()
  user: string | null = null;
}

/** The request body with its `input`, of the type given to `createInput`. */
@json
export class TypedEmbeddingsInput<T> extends OpenAIEmbeddingsInput {
  input!: T;
}

/** The response body. */
@json
export class OpenAIEmbeddingsOutput {
  /** Always "list". */
  object!: string;

  model!: string;

  usage!: Usage;

  /** One embedding per input, in `index` order. */
  data!: Embedding[];
}

/** How embeddings are encoded in the response. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace EncodingFormat {
  export const Float = "float";
  /** Not decodable through this interface. */
  export const Base64 = "base64";
}
export type EncodingFormat = string;

/** One input's embedding. */
@json
export class Embedding {
  /** Always "embedding". */
  object!: string;

  /** The position of the input this embedding belongs to. */
  index!: i32;

  embedding!: f32[];
}

/** Token counts of a request. */
@json
export class Usage {
  @alias("prompt_tokens")
  promptTokens!: i32;

  @alias("total_tokens")
  totalTokens!: i32;
}
