import { executeSql } from "../data/sql/execute";
import type { SqlDrivers } from "../data/sql/types";
import type { AbiHostFunction } from "./types";

/**
 * The `modus_sql_client` import module, for postgresql and mysql connections,
 * bound to the drivers the Worker was composed with.
 *
 * @example const table = sqlFunctions({ postgresql: postgresDriver });
 */
export const sqlFunctions = (drivers: SqlDrivers): readonly AbiHostFunction[] => [
  {
    kind: "abi",
    module: "modus_sql_client",
    name: "executeQuery",
    params: ["string", "string", "string", "string"],
    result: "HostQueryResponse",
    async: true,
    outbound: true,
    impl: (ctx, connection: string, dbType: string, statement: string, paramsJson: string) =>
      executeSql(ctx, drivers, connection, dbType, statement, paramsJson),
  },
];
