import { appSecret, SecretError } from "../manifest/secrets";
import type { AbiHostFunction } from "./types";

/**
 * The `modus_secrets` import module. A function reads only its app secrets
 * (`MODUS_APP_<name>`); a missing one is logged as an error naming the env
 * variable and answered with null, which the SDK turns into an exception.
 */
export const secretsFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_secrets",
    name: "getSecretValue",
    params: ["string"],
    result: "string",
    impl: (ctx, name: string) => {
      try {
        return appSecret(ctx.env, name);
      } catch (err) {
        if (!(err instanceof SecretError)) throw err;
        ctx.logs.push({ level: "error", message: err.message });
        return null;
      }
    },
  },
];
