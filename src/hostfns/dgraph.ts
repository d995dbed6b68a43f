import { alterDgraph, executeDgraph } from "../data/dgraph/execute";
import type { AbiHostFunction } from "./types";

/** The `modus_dgraph_client` import module, over Dgraph's HTTP API. */
export const dgraphFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_dgraph_client",
    name: "executeQuery",
    params: ["string", "Request"],
    result: "Response",
    async: true,
    outbound: true,
    impl: executeDgraph,
  },
  {
    kind: "abi",
    module: "modus_dgraph_client",
    name: "alterSchema",
    params: ["string", "string"],
    result: "string",
    async: true,
    outbound: true,
    impl: (ctx, connection: string, schema: string) => alterDgraph(ctx, connection, schema),
  },
  {
    kind: "abi",
    module: "modus_dgraph_client",
    name: "dropAttribute",
    params: ["string", "string"],
    result: "string",
    async: true,
    outbound: true,
    impl: (ctx, connection: string, attr: string) => alterDgraph(ctx, connection, JSON.stringify({ drop_attr: attr })),
  },
  {
    kind: "abi",
    module: "modus_dgraph_client",
    name: "dropAllData",
    params: ["string"],
    result: "string",
    async: true,
    outbound: true,
    impl: (ctx, connection: string) => alterDgraph(ctx, connection, JSON.stringify({ drop_all: true })),
  },
];
