import { JSON } from "json-as";
import * as host from "./externals/models";
import { resultIsInvalid, throwUserError } from "./utils";

/**
 * A model as the manifest names it. The host builds this object
 * (`modus_models.getModelInfo`): keep the fields and their order.
 */
export class ModelInfo {
  constructor(
    /** The model's name in modus.json. */
    public readonly name: string,
    /** The provider's model name (`sourceModel`), sent in provider requests. */
    public readonly fullName: string = name,
  ) {}
}

/** Posts a model's input JSON to the host and returns its output JSON, or null on failure. */
export type ModelInvoker = (modelName: string, inputJson: string) => string | null;

/** Something that hands out typed model objects (the `models` export is one). */
export interface ModelFactory {
  getModel<T extends Model>(modelName: string): T;
}

/** An error a provider reported in a response body; its text is shown to the caller. */
@json
export abstract class ModelError {
  abstract toString(): string;
}

/**
 * The base of every model interface: `TInput` is serialised to the provider's
 * request JSON and the response JSON is parsed into `TOutput`.
 *
 * @example
 *   const model = models.getModel<OpenAIChatModel>("text-generator");
 *   const output = model.invoke(model.createInput([new UserMessage("hi")]));
 */
export abstract class Model<TInput = unknown, TOutput = unknown> {
  // Static so that `getModel` can construct any subclass with one argument.
  static invoker: ModelInvoker | null = null;

  protected constructor(public info: ModelInfo) {}

  /** Log the request and response JSON at `debug` level. */
  debug: boolean = false;

  /** Checks a response for a provider error before it is parsed. */
  validator: ((data: string) => ModelError | null) | null = null;

  /** Sends `input` to the model and returns its parsed output; throws if the call failed. */
  invoke(input: TInput): TOutput {
    const invoker = Model.invoker;
    if (!invoker) throw new Error("Model invoker is not set.");

    const name = this.info.name;
    const request = JSON.stringify(input);
    if (this.debug) console.debug(`Invoking ${name} model with input: ${request}`);

    const response = invoker(name, request);
    if (response === null) throw new Error(`Failed to invoke ${name} model.`);
    if (this.debug) console.debug(`Received output: ${response}`);

    const check = this.validator;
    if (check) {
      const err = check(response);
      if (err !== null) throwUserError(`The chat model returned an error: ${err.toString()}`);
    }
    return JSON.parse<TOutput>(response);
  }
}

class HostModelFactory implements ModelFactory {
  constructor() {
    Model.invoker = (modelName: string, inputJson: string): string | null =>
      host.invokeModel(modelName, inputJson);
  }

  /**
   * The model named `modelName` in modus.json, as the model interface `T`.
   *
   * @example const model = models.getModel<OpenAIEmbeddingsModel>("embeddings");
   */
  getModel<T extends Model>(modelName: string): T {
    const info = host.getModelInfo(modelName);
    if (resultIsInvalid(info)) throw new Error(`Model ${modelName} not found.`);
    return instantiate<T>(info);
  }
}

const models = new HostModelFactory();
export default models;
