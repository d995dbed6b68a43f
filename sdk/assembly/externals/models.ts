// Raw host imports of the `modus_models` module. The public API is `models`.
import { ModelInfo } from "../models";

// The host answers null (a 0 pointer) when no model of that name is configured.
// @ts-expect-error: decorator
@external("modus_models", "getModelInfo")
export declare function getModelInfo(modelName: string): ModelInfo;

// The host answers null when the call failed; it has already logged why.
// @ts-expect-error: decorator
@external("modus_models", "invokeModel")
export declare function invokeModel(modelName: string, input: string): string | null;
