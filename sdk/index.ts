// The public API of modus-edge's AssemblyScript SDK (import "@hypermode/modus-sdk-as").
export * as localtime from "./assembly/localtime";
