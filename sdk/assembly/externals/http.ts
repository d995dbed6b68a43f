// Raw host imports of the `modus_http_client` module. The public API is `http`.
import { Request, Response } from "../http";

// The host reads the request and builds the response from their metadata layouts;
// a null response means the host refused or failed the call and logged why.
// @ts-expect-error: decorator
@external("modus_http_client", "fetch")
export declare function fetch(request: Request): Response;
