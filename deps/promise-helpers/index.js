import { handleMaybePromise } from "whatwg-node-promise-helpers-2";

export * from "whatwg-node-promise-helpers-2";

// 1.x's helper, still imported by @envelop/core 5 and @graphql-tools/utils; same meaning as in 1.x.
export function mapMaybePromise(input, onSuccess, onError) {
  return handleMaybePromise(() => input, onSuccess, onError);
}
