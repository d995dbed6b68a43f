// Real PostgreSQL and MariaDB servers for the tests, from the Debian packages
// (.ci/run installs them): each in a temporary data folder, on a free port of
// 127.0.0.1, run as its own system user (both refuse to run as root), and
// removed when the tests end.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface DatabaseServer {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** `postgresql://…` or `mysql://…` with the credentials. */
  url: string;
  /** Runs SQL as the server's administrator (for setup and for checking what a test left behind). */
  admin(sql: string): string;
  /** Stops the server (for "database is down" tests; `start` brings it back). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const DB_USER = "modus";
export const DB_NAME = "modus";

/** A free TCP port on 127.0.0.1 (the OS picks it; nothing fixed that could collide). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within 30 s:\n${log()}`);
}

function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

const owned = (dir: string, user: string) => execFileSync("chown", ["-R", `${user}:${user}`, dir]);
const asUser = (user: string, cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? (["runuser", ["-u", user, "--", cmd, ...args]] as const) : ([cmd, args] as const);

/** The newest PostgreSQL server installed from Debian's packages. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  if (!versions.length) throw new Error("PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)");
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, "bin");
}

/**
 * Starts PostgreSQL with user `modus` (password auth over TCP) owning database `modus`.
 *
 * @example const pg = await startPostgres("pw-123"); pg.url // postgresql://modus:pw-123@127.0.0.1:54321/modus
 */
export async function startPostgres(password: string): Promise<DatabaseServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-pg-"));
  chownSync(dir, 0, 0);
  owned(dir, "postgres");
  const data = path.join(dir, "data");
  const [initCmd, initArgs] = asUser("postgres", path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
  execFileSync(initCmd, [...initArgs], { stdio: "pipe" });
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";
  const start = async () => {
    const [cmd, args] = asUser("postgres", path.join(bin, "postgres"), [
      "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
      "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
    ]);
    child = spawn(cmd, [...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    await waitForPort(port, child, "postgres", () => output);
  };
  await start();
  // pg_ctl rather than a signal: runuser does not pass SIGINT on to the server.
  const stopPostgres = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
    const [cmd, args] = asUser("postgres", path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    try {
      execFileSync(cmd, [...args], { stdio: "pipe" });
    } catch {
      child.kill("SIGTERM");
    }
    await exited;
  };
  const admin = (sql: string) => {
    const [cmd, args] = asUser("postgres", path.join(bin, "psql"), ["-h", dir, "-p", String(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]);
    return execFileSync(cmd, [...args], { encoding: "utf8" }).trim();
  };
  admin(`CREATE USER ${DB_USER} PASSWORD '${password}'`);
  admin(`CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}`);
  const server: DatabaseServer = {
    host: "127.0.0.1",
    port,
    user: DB_USER,
    password,
    database: DB_NAME,
    url: `postgresql://${DB_USER}:${password}@127.0.0.1:${port}/${DB_NAME}`,
    admin: (sql) => {
      const [cmd, args] = asUser("postgres", path.join(bin, "psql"), ["-h", dir, "-p", String(port), "-U", "postgres", "-d", DB_NAME, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]);
      return execFileSync(cmd, [...args], { encoding: "utf8" }).trim();
    },
    stop: () => stopPostgres(),
    start,
    close: async () => {
      await stopPostgres();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/**
 * Starts MariaDB with user `modus` (password auth over TCP) owning database `modus`.
 *
 * @example const db = await startMariadb("pw-456"); db.url // mysql://modus:pw-456@127.0.0.1:33061/modus
 */
export async function startMariadb(password: string): Promise<DatabaseServer> {
  const mariadbd = ["/usr/sbin/mariadbd", "/usr/sbin/mysqld"].find(existsSync);
  if (!mariadbd) throw new Error("MariaDB is not installed (apt-get install mariadb-server; .ci/run does this)");
  const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-mariadb-"));
  const data = path.join(dir, "data");
  const socket = path.join(dir, "mysqld.sock");
  const user = process.getuid?.() === 0 ? "mysql" : (process.env.USER ?? "mysql");
  if (process.getuid?.() === 0) owned(dir, user);
  execFileSync("mariadb-install-db", ["--no-defaults", `--datadir=${data}`, `--user=${user}`, "--auth-root-authentication-method=normal", "--skip-test-db"], { stdio: "pipe" });
  if (process.getuid?.() === 0) owned(dir, user);
  const config = path.join(dir, "my.cnf");
  writeFileSync(config, "");
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";
  const start = async () => {
    const [cmd, args] = asUser(user, mariadbd, [
      "--no-defaults", `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, "--bind-address=127.0.0.1",
      `--pid-file=${path.join(dir, "mysqld.pid")}`, "--skip-log-bin", "--innodb-buffer-pool-size=32M",
      "--innodb-flush-log-at-trx-commit=0", "--skip-name-resolve", "--max-connections=200",
    ]);
    child = spawn(cmd, [...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    await waitForPort(port, child, "mariadbd", () => output);
  };
  await start();
  const run = (database: string, sql: string) =>
    execFileSync("mariadb", ["--no-defaults", `--socket=${socket}`, "-u", "root", "-N", "-B", database, "-e", sql], { encoding: "utf8" }).trim();
  run("mysql", `CREATE DATABASE ${DB_NAME}; CREATE USER '${DB_USER}'@'%' IDENTIFIED BY '${password}'; GRANT ALL ON ${DB_NAME}.* TO '${DB_USER}'@'%';`);
  return {
    host: "127.0.0.1",
    port,
    user: DB_USER,
    password,
    database: DB_NAME,
    url: `mysql://${DB_USER}:${password}@127.0.0.1:${port}/${DB_NAME}`,
    admin: (sql) => run(DB_NAME, sql),
    stop: () => stopChild(child, "SIGTERM"),
    start,
    close: async () => {
      await stopChild(child, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
