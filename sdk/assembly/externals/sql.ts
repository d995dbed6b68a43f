// Raw host imports of the `modus_sql_client` module, shared by `postgresql` and `mysql`.
import { HostQueryResponse } from "../database";

// @ts-expect-error: decorator
@external("modus_sql_client", "executeQuery")
export declare function executeQuery(
  connection: string,
  dbType: string,
  statement: string,
  paramsJson: string,
): HostQueryResponse;
