// Raw host imports of the `modus_sql_client` module, shared by `postgresql` and `mysql`.

/** What the host hands back for one SQL statement. Field order is the ABI. */
export class HostQueryResponse {
  error: string | null = null;
  resultJson: string | null = null;
  rowsAffected: u32 = 0;
  lastInsertId: u64 = 0;
}

// @ts-expect-error: decorator
@external("modus_sql_client", "executeQuery")
export declare function executeQuery(
  connection: string,
  dbType: string,
  statement: string,
  paramsJson: string,
): HostQueryResponse;
