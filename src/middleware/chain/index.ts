import type { Context, Env, MiddlewareHandler } from "hono";

/**
 * One part of an endpoint's request handling, as plain functions so that
 * several parts run in one Hono middleware: each Hono layer costs a closure,
 * a promise and a dispatch per request, for work that is mostly a header read.
 */
export interface Step<E extends Env = any> {
  /**
   * Runs before the handler, in the order the steps are given. It refuses by
   * throwing (an HTTPException becomes the error answer), answers in the
   * handler's place by returning a Response (a CORS preflight), or returns
   * nothing to go on.
   */
  before?(c: Context<E>): Response | void | Promise<Response | void>;
  /** Runs once the answer (the handler's, or a later step's) is in `c.res`; in reverse order. */
  after?(c: Context<E>): void | Promise<void>;
}

/**
 * One Hono middleware running `steps` around the handler, as the same steps
 * registered one middleware each would run, with one difference: when a step
 * refuses (throws), the `after` of the steps before it does not run, because
 * the error answer is made by the app's error handler, outside. A step whose
 * work must reach error answers too puts it on `c.res` before the handler
 * (the app's error answers keep the headers already there).
 *
 * @example app.use("/graphql", chain(limitsStep(), timeZoneStep()));
 */
export function chain<E extends Env = any>(...steps: Step<any>[]): MiddlewareHandler<E> {
  return async function chain(c, next) {
    let i = 0;
    for (; i < steps.length; i++) {
      const step = steps[i]!;
      if (!step.before) continue;
      let answer = step.before(c);
      // Most steps are synchronous: awaiting only promises saves a turn of the microtask queue each.
      if (answer instanceof Promise) answer = await answer;
      if (answer) {
        c.res = answer;
        break;
      }
    }
    if (i === steps.length) await next();
    while (i-- > 0) {
      const step = steps[i]!;
      if (!step.after) continue;
      const done = step.after(c);
      if (done instanceof Promise) await done;
    }
  };
}
