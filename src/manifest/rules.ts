// A tiny validation vocabulary, so that schema.ts can state modus.json's rules as data.
import type { PathSegment } from "./errors";

export type Report = (path: PathSegment[], message: string) => void;
/** Checks one JSON value at `path`, reporting each problem found. */
export type Rule = (value: unknown, path: PathSegment[], report: Report) => void;
/** A test on a string and what to say when it fails. */
export type Condition = readonly [test: (s: string) => boolean, message: string | ((s: string) => string)];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const failure = (conditions: readonly Condition[], s: string): string | undefined => {
  const failed = conditions.find(([test]) => !test(s));
  return failed && (typeof failed[1] === "string" ? failed[1] : failed[1](s));
};

/** A string passing every condition; only the first failure is reported. */
export const text =
  (...conditions: Condition[]): Rule =>
  (value, path, report) => {
    if (typeof value !== "string") return report(path, "must be a string");
    const message = failure(conditions, value);
    if (message) report(path, message);
  };

/** A whole number (JSON Schema's `integer`). */
export const integer: Rule = (value, path, report) => {
  if (typeof value !== "number" || !Number.isInteger(value)) report(path, "must be an integer");
};

/** An object whose keys pass `keys` and whose values pass `values`. */
export const map =
  (keys: readonly Condition[], values: Rule): Rule =>
  (value, path, report) => {
    if (!isObject(value)) return report(path, "must be an object");
    for (const [key, entry] of Object.entries(value)) {
      const message = failure(keys, key);
      if (message) report([...path, key], message);
      values(entry, [...path, key], report);
    }
  };

export interface Field {
  rule: Rule;
  required?: boolean;
}

/** An object with a closed set of fields, plus the combinations JSON Schema spells with oneOf. */
export interface Shape {
  fields: Record<string, Field>;
  /** Exactly one of these two must be present. */
  exactlyOne?: readonly [string, string];
  /** field -> the field it may only appear with. */
  onlyWith?: Record<string, string>;
}

export const object =
  (shape: Shape): Rule =>
  (value, path, report) => {
    if (!isObject(value)) return report(path, "must be an object");
    const allowed = Object.keys(shape.fields);
    for (const [key, entry] of Object.entries(value)) {
      const field = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
      if (field) field.rule(entry, [...path, key], report);
      else report([...path, key], `unknown property; allowed here: ${allowed.join(", ")}`);
    }
    for (const [key, field] of Object.entries(shape.fields)) {
      if (field.required && !Object.hasOwn(value, key)) report([...path, key], "is required");
    }
    if (shape.exactlyOne) {
      const [a, b] = shape.exactlyOne;
      const count = Number(Object.hasOwn(value, a)) + Number(Object.hasOwn(value, b));
      if (count === 0) report(path, `needs "${a}" or "${b}"`);
      if (count === 2) report(path, `must have only one of "${a}" and "${b}"`);
    }
    for (const [key, other] of Object.entries(shape.onlyWith ?? {})) {
      if (Object.hasOwn(value, key) && !Object.hasOwn(value, other)) report([...path, key], `is only allowed with "${other}"`);
    }
  };

/** An object whose `field` picks its shape from `shapes`. */
export const oneOfBy =
  (field: string, shapes: Record<string, Rule>): Rule =>
  (value, path, report) => {
    if (!isObject(value)) return report(path, "must be an object");
    const tag = value[field];
    const names = Object.keys(shapes);
    if (tag === undefined) return report([...path, field], "is required");
    if (typeof tag !== "string" || !Object.hasOwn(shapes, tag)) {
      return report([...path, field], `must be ${quoteChoices(names)}`);
    }
    shapes[tag]!(value, path, report);
  };

/** "a", "a" or "b", one of "a", "b", "c": how messages list the accepted values. */
export const quoteChoices = (options: readonly string[]): string => {
  const quoted = options.map((o) => `"${o}"`);
  if (quoted.length <= 2) return quoted.join(" or ");
  return `one of ${quoted.join(", ")}`;
};

/** A condition that accepts exactly the listed strings. */
export const oneOf = (...options: string[]): Condition => [(s) => options.includes(s), `must be ${quoteChoices(options)}`];

export const matches = (pattern: RegExp, message: string): Condition => [(s) => pattern.test(s), message];

export const nonEmpty: Condition = [(s) => s.length > 0, "must not be empty"];

export const canParseUrl = (s: string): boolean => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};
