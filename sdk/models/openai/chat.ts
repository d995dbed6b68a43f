// The OpenAI Chat Completions API (https://platform.openai.com/docs/api-reference/chat),
// import "@hypermode/modus-sdk-as/models/openai/chat".
import { Model } from "../../assembly/models";
import { OpenAIChatInput } from "./chat/input";
import { OpenAIChatOutput, validateChatModelResponse } from "./chat/output";
import { RequestMessage } from "./chat/messages";

export * from "./chat/input";
export * from "./chat/tools";
export * from "./chat/messages";
export * from "./chat/content";
export * from "./chat/output";

/**
 * A chat model that speaks the OpenAI Chat Completions API (OpenAI and the
 * many providers compatible with it).
 *
 * @example
 *   const model = models.getModel<OpenAIChatModel>("text-generator");
 *   const input = model.createInput([new SystemMessage("Be brief."), new UserMessage(prompt)]);
 *   input.temperature = 0.7;
 *   const text = model.invoke(input).choices[0].message.content;
 */
export class OpenAIChatModel extends Model<OpenAIChatInput, OpenAIChatOutput> {
  /** An input for `messages`, addressed to the model's `sourceModel` (lower-cased). */
  createInput(messages: RequestMessage[]): OpenAIChatInput {
    this.validator = validateChatModelResponse;
    const input = new OpenAIChatInput();
    input.model = this.info.fullName.toLowerCase();
    input.messages = messages;
    return input;
  }
}
