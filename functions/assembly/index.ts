/**
 * Greets someone by name.
 */
export function sayHello(name: string): string {
  return "Hello, " + name + "!";
}

/**
 * Adds two integers together, and returns the result.
 */
export function add(a: i32, b: i32): i32 {
  return a + b;
}

let calls: i32 = 0;

/**
 * Counts calls in a module global. Each request runs in a fresh instance, so
 * the answer is always 1.
 */
export function countCalls(): i32 {
  calls++;
  return calls;
}
