// The explorer page: GraphiQL over one of the app's GraphQL endpoints,
// bundled at build time so nothing loads from a CDN.
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { loadEndpoints, type Endpoint } from "./endpoints";
import { httpFetcher } from "./fetcher";

function Explorer({ endpoints }: { endpoints: Endpoint[] }) {
  const [path, setPath] = useState(endpoints[0]!.path);
  const fetcher = useMemo(() => httpFetcher({ path }), [path]);
  return (
    // A new key per endpoint: GraphiQL fetches the schema once per mount.
    <GraphiQL key={path} fetcher={fetcher} isHeadersEditorEnabled shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        modus-edge{" "}
        <select className="endpoint-picker" aria-label="GraphQL endpoint" value={path} onChange={(e) => setPath(e.target.value)}>
          {endpoints.map((e) => (
            <option key={e.path} value={e.path}>
              {e.name} ({e.path}){e.auth === "bearer-token" ? " · bearer token" : ""}
            </option>
          ))}
        </select>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const root = createRoot(document.getElementById("root")!);
loadEndpoints("/explorer/endpoints.json").then(
  (endpoints) => root.render(<Explorer endpoints={endpoints} />),
  (err: unknown) => root.render(<p className="explorer-message">The explorer could not start: {String(err)}</p>),
);
