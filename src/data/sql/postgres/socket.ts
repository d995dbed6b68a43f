// The socket postgres.js writes to, over cloudflare:sockets: connected (and
// TLS negotiated, as libpq's sslmode says) before postgres.js gets it, and
// quiet once closed, so closing a call's connection leaves nothing unhandled.
import { connect } from "cloudflare:sockets";
import { EventEmitter } from "node:events";
import { Buffer } from "node:buffer";

/** libpq's sslmode: whether to ask for TLS, and whether to insist. */
export type SslMode = "disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full";

// The SSLRequest message: length 8, code 80877103.
const SSL_REQUEST = new Uint8Array([0, 0, 0, 8, 4, 210, 22, 47]);

/**
 * Opens a TCP connection to Postgres, negotiating TLS first when `sslmode`
 * asks for it, and wraps it as the Node-style socket postgres.js drives.
 *
 * @example const socket = await openSocket("db.example.com", 5432, "require");
 */
export async function openSocket(hostname: string, port: number, sslmode: SslMode): Promise<EventEmitter> {
  const wantTls = sslmode !== "disable" && sslmode !== "allow";
  let raw = connect({ hostname, port }, { secureTransport: wantTls ? "starttls" : "off", allowHalfOpen: false });
  await raw.opened;
  if (wantTls) {
    const writer = raw.writable.getWriter();
    await writer.write(SSL_REQUEST);
    writer.releaseLock();
    const reader = raw.readable.getReader();
    const { value } = await reader.read();
    reader.releaseLock();
    if (value?.[0] === 0x53 /* S */) raw = raw.startTls();
    else if (sslmode !== "prefer") {
      await raw.close();
      throw new Error(`the server does not accept TLS, which sslmode=${sslmode} requires`);
    }
  }
  return wrap(raw);
}

function wrap(raw: Socket): EventEmitter {
  const writer = raw.writable.getWriter();
  const reader = raw.readable.getReader();
  let closed = false;
  const socket = Object.assign(new EventEmitter(), {
    readyState: "open",
    write(data: Uint8Array, done?: () => void) {
      writer.write(data).then(() => done?.(), fail);
      return true;
    },
    end(data?: Uint8Array) {
      const close = () => raw.close().catch(() => {});
      if (data) writer.write(data).then(close, close);
      else close();
    },
    destroy() {
      raw.close().catch(() => {});
    },
    setKeepAlive() {},
    pause() {},
    resume() {},
  });
  const finish = () => {
    if (closed) return;
    closed = true;
    socket.readyState = "closed";
    socket.emit("close");
  };
  function fail(err: unknown) {
    if (closed) return;
    socket.emit("error", err);
    finish();
  }
  raw.closed.then(finish, fail);
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        socket.emit("data", Buffer.from(value));
      }
      finish();
    } catch (err) {
      // A read cut short by our own close is the normal end of a call.
      fail(err);
    }
  })();
  return socket;
}
