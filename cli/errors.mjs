// @ts-check

/** A failure the user caused (a build error, a bad argument): its message is shown without a stack. */
export class BuildError extends Error {}
