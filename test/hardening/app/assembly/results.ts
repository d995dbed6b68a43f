export class Ratio {
  name: string = "";
  value: f64 = 0;
}

export class Person {
  name: string = "";
  age: i32 = 0;
}

/** Infinity, which GraphQL's Float cannot carry. */
export function infinity(): f64 {
  return Infinity;
}

/** An object whose `value` field is NaN. */
export function badRatio(): Ratio {
  const r = new Ratio();
  r.name = "broken";
  r.value = NaN;
  return r;
}

/** A null where the return type allows none. */
export function nullString(): string {
  return changetype<string>(0);
}

/** An object with null in a non-nullable field. */
export function nullName(): Person {
  const p = new Person();
  p.name = changetype<string>(0);
  p.age = 3;
  return p;
}

/** A string of `kib` KiB. */
export function bigString(kib: i32): string {
  return "x".repeat(kib << 10);
}
