import { models } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import {
  OpenAIChatModel,
  OpenAIChatOutput,
  SystemMessage,
  DeveloperMessage,
  UserMessage,
  AssistantMessage,
  ToolMessage,
  RequestMessage,
  TextContentPart,
  ImageContentPart,
  AudioContentPart,
  RefusalContentPart,
  Image,
  Audio,
  Tool,
  ToolCall,
  FunctionCall,
  ToolChoice,
  ResponseFormat,
  ServiceTier,
  AudioRef,
  parseMessages,
} from "@hypermode/modus-sdk-as/models/openai/chat";

function chatModel(): OpenAIChatModel {
  return models.getModel<OpenAIChatModel>("chat");
}

/** Sends `prompt` to the "chat" model and returns the first answer. */
export function openaiChat(prompt: string): string {
  const model = chatModel();
  const input = model.createInput([new SystemMessage("Answer briefly."), new UserMessage(prompt)]);
  input.temperature = 0.2;
  return model.invoke(input).choices[0].message.content;
}

/** The request for one user message with every option left at its default. */
export function openaiChatMinimalRequest(prompt: string): string {
  return JSON.stringify(chatModel().createInput([new UserMessage(prompt)]));
}

/** The request with every message kind, content part and option set. */
export function openaiChatFullRequest(prompt: string): string {
  const bytes = Uint8Array.wrap(String.UTF8.encode("fake-bytes"));
  const call = new ToolCall();
  call.id = "call_1";
  call.function = { name: "get_weather", arguments: '{"city":"Paris"}' } as FunctionCall;
  const assistant = new AssistantMessage<string>("Let me check.");
  assistant.name = "bot";
  assistant.refusal = "none";
  assistant.toolCalls = [call];
  assistant.audio = new AudioRef("audio_1");
  const user = new UserMessage<string>(prompt);
  user.name = "ann";

  const messages: RequestMessage[] = [
    new SystemMessage("You are terse."),
    SystemMessage.fromParts([new TextContentPart("System part.")]),
    new DeveloperMessage("Prefer metric units."),
    user,
    UserMessage.fromParts([
      new TextContentPart("What is in these?"),
      new ImageContentPart(Image.fromURL("https://example.com/cat.png", "low")),
      new ImageContentPart(Image.fromData(bytes, "png")),
      new ImageContentPart(Image.fromData("aGVsbG8=", "image/jpeg", "high")),
      new AudioContentPart(Audio.fromData(bytes, "audio/wav")),
    ]),
    assistant,
    AssistantMessage.fromParts([new TextContentPart("Sure."), new RefusalContentPart("Not that.")]),
    new ToolMessage('{"temp":21}', "call_1"),
    ToolMessage.fromParts("call_2", [new TextContentPart("done")]),
  ];

  const input = chatModel().createInput(messages);
  input.requestAudioOutput("ash", "mp3");
  input.frequencyPenalty = 0.5;
  const bias = new Map<string, f64>();
  bias.set("50256", -100);
  input.logitBias = bias;
  input.logprobs = true;
  input.topLogprobs = 3;
  input.maxTokens = 100;
  input.maxCompletionTokens = 200;
  input.n = 2;
  input.presencePenalty = -0.5;
  input.responseFormat = ResponseFormat.JsonSchema('{"name":"answer","strict":true,"schema":{"type":"object"}}');
  input.seed = 42;
  input.serviceTier = ServiceTier.Default;
  input.stop = ["\n\n", "END"];
  input.temperature = 0.7;
  input.topP = 0.9;
  const weather = Tool.forFunction("get_weather", "Current weather for a city")
    .withParameter("city", "string", "The city")
    .withParameter("days", "integer", "How many days");
  weather.function.strict = true;
  const lookup = Tool.forFunction("lookup", "Look a thing up").withParametersSchema('{"type":"object","properties":{}}');
  input.tools = [weather, lookup];
  input.toolChoice = ToolChoice.Function("get_weather");
  input.parallelToolCalls = false;
  input.user = "user-123";
  return JSON.stringify(input);
}

/** A `ToolChoice` ("none", "auto", "required", or a function name) as JSON. */
export function openaiToolChoice(choice: string): string {
  if (choice == "none") return JSON.stringify(ToolChoice.None);
  if (choice == "auto") return JSON.stringify(ToolChoice.Auto);
  if (choice == "required") return JSON.stringify(ToolChoice.Required);
  return JSON.stringify(ToolChoice.Function(choice));
}

/** A response format ("text", "json_object", or a json_schema object) as JSON. */
export function openaiResponseFormat(format: string): string {
  if (format == "text") return JSON.stringify(ResponseFormat.Text);
  if (format == "json_object") return JSON.stringify(ResponseFormat.Json);
  return JSON.stringify(ResponseFormat.JsonSchema(format));
}

/** The first choice's text in a chat completion response. */
export function openaiChatResponseText(response: string): string {
  return JSON.parse<OpenAIChatOutput>(response).choices[0].message.content;
}

/** The main facts of a chat completion response, "|"-separated. */
export function openaiChatResponseSummary(response: string): string {
  const out = JSON.parse<OpenAIChatOutput>(response);
  const choice = out.choices[0];
  const calls = choice.message.toolCalls;
  const call = calls.length > 0 ? `${calls[0].function.name}(${calls[0].function.arguments})` : "";
  const fingerprint = out.systemFingerprint;
  return [
    out.id,
    out.model,
    out.created.toISOString(),
    choice.finishReason,
    call,
    out.usage.totalTokens.toString(),
    fingerprint,
  ].join("|");
}

/** The first choice of a response turned back into an assistant message, as JSON. */
export function openaiAssistantFromResponse(response: string): string {
  const out = JSON.parse<OpenAIChatOutput>(response);
  return JSON.stringify(AssistantMessage.fromCompletionMessage(out.choices[0].message));
}

/** Messages restored from JSON, serialised again. */
export function openaiParseMessages(messages: string): string {
  return JSON.stringify(parseMessages(messages));
}

/**
 * A tool-call round trip: the model asks for `lookup_word`, the function
 * answers the call with a ToolMessage, and the model's final text comes back.
 * Returns "<tool name>(<arguments>) -> <final answer>".
 */
export function openaiToolRoundTrip(question: string): string {
  const model = chatModel();
  const input = model.createInput([new SystemMessage("Use the tool."), new UserMessage(question)]);
  input.tools = [Tool.forFunction("lookup_word", "Looks a word up").withParameter("query", "string", "The word")];
  input.toolChoice = ToolChoice.Auto;
  const first = model.invoke(input).choices[0].message;
  if (first.toolCalls.length == 0) return "no tool call: " + first.content;
  const call = first.toolCalls[0];
  input.messages.push(first.toAssistantMessage());
  input.messages.push(new ToolMessage("definition of " + call.function.arguments, call.id));
  input.tools = null;
  input.toolChoice = null;
  const second = model.invoke(input).choices[0].message;
  return call.function.name + "(" + call.function.arguments + ") -> " + second.content;
}

/**
 * The conversation loop of Modus's text-generation example: tools stay
 * offered on every turn, each requested call is answered, and the loop ends
 * when the model answers with text. Returns the final text.
 */
export function openaiToolLoop(prompt: string): string {
  const model = chatModel();
  const input = model.createInput([new SystemMessage("Use the tools when they help."), new UserMessage(prompt)]);
  input.temperature = 0.2;
  input.tools = [
    Tool.forFunction("lookup_word", "Looks a word up").withParameter("query", "string", "The word"),
    Tool.forFunction("today", "Returns the date"),
  ];
  for (let turn = 0; turn < 4; turn++) {
    const msg = model.invoke(input).choices[0].message;
    if (msg.toolCalls.length > 0) {
      input.messages.push(msg.toAssistantMessage());
      for (let i = 0; i < msg.toolCalls.length; i++) {
        const tc = msg.toolCalls[i];
        input.messages.push(new ToolMessage(tc.function.name + " answered " + tc.function.arguments, tc.id));
      }
    } else if (msg.content != "") {
      return msg.content.trim();
    } else {
      throw new Error("the model answered with neither text nor tool calls");
    }
  }
  throw new Error("no final answer after 4 turns");
}

/**
 * "<number of tool calls>|<content>" of a canned response's first message,
 * or which of the two came back null (json-as leaves an absent key null in
 * objects nested in the response).
 */
export function openaiMessageShape(response: string): string {
  const msg = JSON.parse<OpenAIChatOutput>(response).choices[0].message;
  if (changetype<usize>(msg.toolCalls) == 0) return "toolCalls is null";
  if (changetype<usize>(msg.content) == 0) return "content is null";
  return msg.toolCalls.length.toString() + "|" + msg.content;
}
