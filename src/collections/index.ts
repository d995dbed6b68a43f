export { ModusCollection } from "./object";
export { createEmbedders, EmbedderError } from "./embedders";
export { collectionStub, COLLECTIONS_BINDING, CollectionBindingError } from "./bindings";
export { CollectionError } from "./host";
export type { CollectionRpc } from "./rpc";
