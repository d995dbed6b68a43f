// Talks to the agents test Worker (test/agents/worker.ts, the project's main)
// through its own fetch handler, as a client would over HTTP.
import { exports } from "cloudflare:workers";
import { recordResponse } from "../support/secret-scan";

const self = () => (exports as unknown as { default: Fetcher }).default;

/** Posts a GraphQL operation; returns the parsed body. */
export async function gql(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[]; status: number }> {
  const res = await self().fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  recordResponse(text);
  return { ...JSON.parse(text), status: res.status };
}

/** Like {@link gql}, but fails the test on any error and returns `data`. */
export async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const body = await gql(query, variables);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Opens `subscription { agentEvent }` over SSE (GraphQL over SSE, distinct connections). */
export async function subscribe(agentId: string, headers: Record<string, string> = { accept: "text/event-stream" }): Promise<Response> {
  return self().fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      query: "subscription($id: String!) { agentEvent(agentId: $id) { name data timestamp } }",
      variables: { id: agentId },
    }),
  });
}

/** One SSE frame: its event type and its data, parsed when it is JSON. */
export interface Frame {
  event: string;
  data: any;
}

/** Reads SSE frames (comments skipped) until `until` says stop or the stream ends. */
export async function readFrames(res: Response, until: (frames: Frame[]) => boolean = () => false): Promise<Frame[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  const frames: Frame[] = [];
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return frames;
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const frame = parseFrame(block);
        if (!frame) continue;
        frames.push(frame);
        if (until(frames)) return frames;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function parseFrame(block: string): Frame | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (!data.length && event === "message") return undefined;
  const text = data.join("\n");
  try {
    return { event, data: text ? JSON.parse(text) : text };
  } catch {
    return { event, data: text };
  }
}

/** Polls `getAgentInfo` until the agent has `status` (agents suspend after 1 s idle here). */
export async function waitForStatus(agentId: string, status: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    const data = await ok(`query($id: String!) { agentInfo(agentId: $id) { status } }`, { id: agentId });
    last = data.agentInfo.status;
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`agent ${agentId} stayed ${last}, never ${status}`);
}
