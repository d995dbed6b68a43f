// The PostgreSQL and MySQL test apps, each with the secrets and Hyperdrive
// bindings its modus.json names.
import { env } from "cloudflare:workers";
import pgWasm from "../build/postgresql/app.wasm";
import pgManifest from "../build/postgresql/modus.json";
import pgDrivers from "../build/postgresql/drivers.ts";
import myWasm from "../build/mysql/app.wasm";
import myManifest from "../build/mysql/modus.json";
import myDrivers from "../build/mysql/drivers.ts";
import { dataApp } from "../app";
import { testEnv } from "../../helpers";

const bindings = env as unknown as Record<string, unknown>;

export const postgresApp = dataApp(pgWasm, pgManifest, pgDrivers, () => ({
  MODUS_MY_DATABASE_USERNAME: testEnv.TEST_PG_USER,
  MODUS_MY_DATABASE_PASSWORD: testEnv.TEST_PG_PASSWORD,
  MODUS_MY_DATABASE_HOST: testEnv.TEST_PG_HOST,
  MODUS_VIA_HYPERDRIVE_USERNAME: "unused-with-hyperdrive",
  MODUS_VIA_HYPERDRIVE_PASSWORD: "unused-with-hyperdrive",
  MODUS_VIA_HYPERDRIVE_HYPERDRIVE: bindings.TEST_PG_HYPERDRIVE,
  MODUS_DOWN_USERNAME: testEnv.TEST_PG_USER,
  MODUS_DOWN_PASSWORD: testEnv.TEST_PG_PASSWORD,
  MODUS_WRONG_PASSWORD_USERNAME: testEnv.TEST_PG_USER,
  MODUS_WRONG_PASSWORD_PASSWORD: "not-the-password",
  MODUS_WRONG_PASSWORD_HOST: testEnv.TEST_PG_HOST,
}));

export const mysqlApp = dataApp(myWasm, myManifest, myDrivers, () => ({
  MODUS_MY_DATABASE_USERNAME: "unused-with-hyperdrive",
  MODUS_MY_DATABASE_PASSWORD: "unused-with-hyperdrive",
  MODUS_MY_DATABASE_HYPERDRIVE: bindings.TEST_MYSQL_HYPERDRIVE,
  MODUS_WRONG_PASSWORD_USERNAME: "unused-with-hyperdrive",
  MODUS_WRONG_PASSWORD_PASSWORD: "unused-with-hyperdrive",
  MODUS_WRONG_PASSWORD_HYPERDRIVE: bindings.TEST_MYSQL_WRONG_PASSWORD_HYPERDRIVE,
  MODUS_DOWN_USERNAME: testEnv.TEST_MYSQL_USER,
  MODUS_DOWN_PASSWORD: testEnv.TEST_MYSQL_PASSWORD,
}));
