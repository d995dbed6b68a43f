// An experimental text-classification interface for models that take `{"instances": [...]}`,
// import "@hypermode/modus-sdk-as/models/experimental/classification".
import { Model } from "../../assembly/models";

/**
 * A classifier answering one prediction per input text.
 *
 * @example const label = model.invoke(model.createInput([text])).predictions[0].label;
 */
export class ClassificationModel extends Model<ClassificationInput, ClassificationOutput> {
  createInput(instances: string[]): ClassificationInput {
    const input = new ClassificationInput();
    input.instances = instances;
    return input;
  }
}

@json
export class ClassificationInput {
  /** The texts to classify. */
  instances!: string[];
}

@json
export class ClassificationOutput {
  /** One result per input text, in order. */
  predictions!: ClassifierResult[];
}

@json
export class ClassifierResult {
  /** The most likely label. */
  label!: string;

  confidence!: f32;

  /** Every label with its probability. */
  probabilities!: ClassifierLabel[];
}

@json
export class ClassifierLabel {
  label!: string;

  probability!: f32;
}
