import { models } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import {
  GeminiGenerateModel,
  GeminiGenerateOutput,
  GenerationConfig,
  SafetySetting,
  HarmCategory,
  HarmBlockThreshold,
  UserTextContent,
  UserContent,
  ModelTextContent,
  SystemTextContent,
  Part,
} from "@hypermode/modus-sdk-as/models/gemini/generate";

function gemini(): GeminiGenerateModel {
  return models.getModel<GeminiGenerateModel>("gemini");
}

/** Sends `prompt` to the "gemini" model and returns the first candidate's text. */
export function geminiChat(prompt: string): string {
  const model = gemini();
  const content = model.invoke(model.createInput([new UserTextContent(prompt)])).candidates[0].content;
  return content ? content.parts[0].text : "";
}

/** Sends `prompt` to Gemini model `name` (one whose connection may put its key in the query). */
export function geminiChatWith(name: string, prompt: string): string {
  const model = models.getModel<GeminiGenerateModel>(name);
  const content = model.invoke(model.createInput([new UserTextContent(prompt)])).candidates[0].content;
  return content ? content.parts[0].text : "";
}

/** The request for one user text with every option left at its default. */
export function geminiMinimalRequest(prompt: string): string {
  return JSON.stringify(gemini().createInput([new UserTextContent(prompt)]));
}

/** The request with every option set. */
export function geminiFullRequest(prompt: string): string {
  const part = new Part();
  part.text = prompt;
  const input = gemini().createInput([new UserTextContent("Hi"), new ModelTextContent("Hello."), new UserContent([part])]);
  input.systemInstruction = new SystemTextContent("You are terse.");
  const config = new GenerationConfig();
  config.stopSequences = ["END"];
  config.maxOutputTokens = 100;
  config.temperature = 0.4;
  config.topP = 0.8;
  config.topK = 10;
  config.responseMimeType = "application/json";
  config.responseSchema = JSON.Raw.from('{"type":"object"}');
  input.generationConfig = config;
  const safety = new SafetySetting();
  safety.category = HarmCategory.HARASSMENT;
  safety.threshold = HarmBlockThreshold.BLOCK_ONLY_HIGH;
  input.safetySettings = [safety];
  input.cachedContent = "cachedContents/abc";
  return JSON.stringify(input);
}

/** The first candidate's text and the token counts of a response, "|"-separated. */
export function geminiResponseSummary(response: string): string {
  const out = JSON.parse<GeminiGenerateOutput>(response);
  const candidate = out.candidates[0];
  const content = candidate.content;
  const reason = candidate.finishReason;
  return [
    content ? content.parts[0].text : "",
    reason ? reason : "",
    out.usageMetadata.promptTokenCount.toString(),
    out.usageMetadata.totalTokenCount.toString(),
  ].join("|");
}
