import { localtime, models } from "@hypermode/modus-sdk-as";
import { OpenAIChatModel, SystemMessage, UserMessage } from "@hypermode/modus-sdk-as/models/openai/chat";

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

/**
 * Greets with defaults for whatever is not given.
 */
export function greet(name: string = "world", punctuation: string = "!", times: i32 = 1): string {
  let out = "";
  for (let i = 0; i < times; i++) out += "Hello, " + name + punctuation;
  return out;
}

/**
 * Logs a line at every level, then answers.
 */
export function logAtEveryLevel(): string {
  console.log("a plain line");
  console.debug("a debug line");
  console.info("an info line");
  console.warn("a warning line");
  console.error("an error line");
  return "logged";
}

/**
 * Fails on purpose when told to.
 */
export function checkPositive(n: i32): i32 {
  if (n <= 0) throw new Error("n must be positive, got " + n.toString());
  return n;
}

/**
 * Describes a positive number; fails for any other. The result is nullable,
 * so a failure leaves the rest of the operation's data in place.
 */
export function describePositive(n: i32): string | null {
  if (n <= 0) throw new Error("n must be positive, got " + n.toString());
  return n.toString() + " is positive";
}

/**
 * The current time in the request's time zone (the X-Time-Zone header).
 */
export function getLocalTime(): string {
  return localtime.now();
}

/**
 * Repeats a word, to show list results.
 */
export function listRepeats(word: string, count: i32): string[] {
  const out = new Array<string>();
  for (let i = 0; i < count; i++) out.push(word);
  return out;
}

/**
 * Generates excuses for an event, using the `llm` model declared in modus.json.
 */
export function generateExcuses(event: string): string {
  const model = models.getModel<OpenAIChatModel>("llm");
  const input = model.createInput([
    new SystemMessage("You are a creative assistant who writes short, funny excuses."),
    new UserMessage("Give me an excuse for missing " + event + "."),
  ]);
  input.temperature = 0.9;
  const output = model.invoke(input);
  return output.choices[0].message.content.trim();
}

/**
 * A postal address.
 */
class Address {
  street: string = "";
  city: string = "";
}

/**
 * A person, with where they live and their tags.
 */
class Person {
  name: string = "";
  age: i32 = 0;
  address: Address = new Address();
  tags: string[] = [];
  /** Who referred them, if anyone. */
  referrer: Person | null = null;
}

/**
 * Creates a person from the given details (a mutation, by Modus's prefix rule).
 */
export function createPerson(person: Person, extraTags: string[]): Person {
  const out = new Person();
  out.name = person.name;
  out.age = person.age + 1;
  out.address = person.address;
  out.tags = person.tags.concat(extraTags);
  out.referrer = person.referrer;
  return out;
}

/**
 * People for the given names, ages counting up from a start.
 */
export function listPeople(names: string[], startAge: i32 = 30): Person[] {
  const out = new Array<Person>();
  for (let i = 0; i < names.length; i++) {
    const p = new Person();
    p.name = names[i];
    p.age = startAge + i;
    p.address.city = "City " + i.toString();
    out.push(p);
  }
  return out;
}

/**
 * Adds two 64-bit integers exactly.
 */
export function sumInt64(a: i64, b: i64): i64 {
  return a + b;
}

/**
 * The date a number of days after another.
 */
export function daysAfter(date: Date, days: i32): Date {
  return new Date(date.getTime() + <i64>days * 86_400_000);
}
