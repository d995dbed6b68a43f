// Talks to the agents test Worker (test/agents/worker.ts, the project's main)
// through its own fetch handler, as a client would over HTTP.
import { gql, ok, self } from "../support/self-graphql";

export { gql, ok };

/** One SSE frame: its event type and its data, parsed when it is JSON. */
export interface Frame {
  event: string;
  data: any;
}

/** An open SSE response and the frames it delivers until it ends. */
export interface Subscription {
  response: Response;
  /** Every frame (comments skipped), once the stream has ended. */
  frames: Promise<Frame[]>;
  /** Stops reading (the client goes away). */
  close(): Promise<void>;
}

const SUBSCRIPTION = "subscription($id: String!) { agentEvent(agentId: $id) { name data timestamp } }";

/**
 * Opens `subscription { agentEvent }` over SSE (GraphQL over SSE, distinct
 * connections) and returns once the first bytes arrive: by then the
 * subscription is registered with the agent, so nothing published later is missed.
 */
export async function subscribe(agentId: string): Promise<Subscription> {
  const response = await self().fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query: SUBSCRIPTION, variables: { id: agentId } }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const first = await reader.read();
  const frames = (async () => {
    const out: Frame[] = [];
    let buffered = decoder.decode(first.value ?? new Uint8Array(), { stream: true });
    let done = first.done;
    for (;;) {
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const frame = parseFrame(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        if (frame) out.push(frame);
      }
      if (done) return out;
      try {
        const next = await reader.read();
        done = next.done;
        buffered += decoder.decode(next.value ?? new Uint8Array(), { stream: true });
      } catch {
        return out;
      }
    }
  })();
  return { response, frames, close: () => reader.cancel().catch(() => {}) };
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

/** Polls `check` until it returns something other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts an agent through one of the app's start functions; returns its id. */
export async function start(fn: "startCounterAgent" | "startJournal"): Promise<string> {
  const data = await ok(`mutation { ${fn} { id name status } }`);
  return data[fn].id;
}
