import { models } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import {
  AnthropicMessagesModel,
  AnthropicMessagesOutput,
  UserMessage,
  AssistantMessage,
  Metadata,
  Tool,
  ToolChoiceAuto,
  ToolChoiceAny,
  ToolChoiceTool,
} from "@hypermode/modus-sdk-as/models/anthropic/messages";

function claude(): AnthropicMessagesModel {
  return models.getModel<AnthropicMessagesModel>("claude");
}

/** Sends `prompt` to the "claude" model and returns its text. */
export function anthropicChat(prompt: string): string {
  const model = claude();
  const input = model.createInput([new UserMessage(prompt)]);
  input.system = "Answer briefly.";
  const text = model.invoke(input).content[0].text;
  return text ? text : "";
}

/** The request for one user message with every option left at its default. */
export function anthropicMinimalRequest(prompt: string): string {
  return JSON.stringify(claude().createInput([new UserMessage(prompt)]));
}

/** The request with every option set; `toolChoice` is "auto", "any" or a tool name. */
export function anthropicFullRequest(prompt: string, toolChoice: string): string {
  const input = claude().createInput([
    new UserMessage("Hi"),
    new AssistantMessage("Hello."),
    new UserMessage(prompt),
  ]);
  input.maxTokens = 256;
  const metadata = new Metadata();
  metadata.userId = "user-123";
  input.metadata = metadata;
  input.stopSequences = ["END"];
  input.system = "You are terse.";
  input.temperature = 0.3;
  input.toolChoice = toolChoice == "auto" ? ToolChoiceAuto : toolChoice == "any" ? ToolChoiceAny : ToolChoiceTool(toolChoice);
  const tool = new Tool();
  tool.name = "get_weather";
  tool.inputSchema = JSON.Raw.from('{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}');
  tool.description = "Current weather for a city";
  input.tools = [tool];
  input.topK = 5;
  input.topP = 0.5;
  return JSON.stringify(input);
}

/** The text blocks and tool uses of a Messages response, "|"-separated. */
export function anthropicResponseSummary(response: string): string {
  const out = JSON.parse<AnthropicMessagesOutput>(response);
  const parts: string[] = [out.id, out.stopReason, out.usage.outputTokens.toString()];
  for (let i = 0; i < out.content.length; i++) {
    const block = out.content[i];
    const text = block.text;
    const name = block.name;
    const input = block.input;
    if (text) parts.push(text);
    if (name && input) parts.push(name + input.toString());
  }
  return parts.join("|");
}
