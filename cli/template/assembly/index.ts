import { models } from "@hypermode/modus-sdk-as";
import { OpenAIChatModel, SystemMessage, UserMessage } from "@hypermode/modus-sdk-as/models/openai/chat";

/**
 * Says hello.
 */
export function sayHello(name: string | null = null): string {
  return "Hello, " + (name != null ? name! : "World") + "!";
}

/**
 * Asks the text-generator model (see modus.json) a question.
 */
export function generateText(instruction: string, prompt: string): string {
  const model = models.getModel<OpenAIChatModel>("text-generator");
  const input = model.createInput([new SystemMessage(instruction), new UserMessage(prompt)]);
  input.temperature = 0.7;
  const output = model.invoke(input);
  return output.choices[0].message.content.trim();
}
