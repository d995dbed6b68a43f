"use strict";
const helpers = require("whatwg-node-promise-helpers-2");

// 1.x's helper, still imported by @envelop/core 5 and @graphql-tools/utils; same meaning as in 1.x.
function mapMaybePromise(input, onSuccess, onError) {
  return helpers.handleMaybePromise(() => input, onSuccess, onError);
}

module.exports = { ...helpers, mapMaybePromise };
