import { describe, expect, it } from "vitest";
import { fieldName, hasAgents, isHidden, isMutation, matchPrefix, MUTATION_PREFIXES } from "../../src/schema/conventions";

type Expected = ["query" | "mutation", string] | "hidden";

/** Function name -> root field, by Modus's rules (upstream conventions.go). */
const NAMES: [string, Expected][] = [
  ["add", ["mutation", "add"]],
  ["addPost", ["mutation", "addPost"]],
  ["additionalPosts", ["query", "additionalPosts"]],
  ["getX", ["query", "x"]],
  ["getPerson", ["query", "person"]],
  ["listX", ["query", "x"]],
  ["listPeople", ["query", "people"]],
  ["listAddresses", ["query", "addresses"]],
  ["startAgent", ["mutation", "startAgent"]],
  ["stopwatch", ["query", "stopwatch"]],
  ["updated", ["query", "updated"]],
  ["update_x", ["mutation", "update_x"]],
  ["_hidden", "hidden"],
  ["_modus_agent_activate", "hidden"],
  // The trim prefix matches in any case but is only removed in lower case.
  ["GetPerson", ["query", "getPerson"]],
  ["GETPERSON", ["query", "gETPERSON"]],
  ["ListPeople", ["query", "listPeople"]],
  // Hidden is decided after trimming.
  ["get_x", "hidden"],
  ["list_", "hidden"],
  ["getter", ["query", "getter"]],
  ["listings", ["query", "listings"]],
  ["getAdd", ["query", "add"]],
  ["sayHello", ["query", "sayHello"]],
  // Modus panics on these two; we keep the name.
  ["get", ["query", "get"]],
  ["list", ["query", "list"]],
  // Mutation names are kept, except that the first letter is lower-cased.
  ["Add", ["mutation", "add"]],
  ["AddPost", ["mutation", "addPost"]],
  ["Delete", ["mutation", "delete"]],
  ["mutateX", ["mutation", "mutateX"]],
  ["postComment", ["mutation", "postComment"]],
  ["poster", ["query", "poster"]],
  ["patchUser", ["mutation", "patchUser"]],
  ["put", ["mutation", "put"]],
  ["deleteItem", ["mutation", "deleteItem"]],
  ["deleted", ["query", "deleted"]],
  ["insert2", ["mutation", "insert2"]],
  ["upsertRow", ["mutation", "upsertRow"]],
  ["createUser", ["mutation", "createUser"]],
  ["createdAt", ["query", "createdAt"]],
  ["editPost", ["mutation", "editPost"]],
  ["savePost", ["mutation", "savePost"]],
  ["savedSearches", ["query", "savedSearches"]],
  ["removeItem", ["mutation", "removeItem"]],
  ["alterTable", ["mutation", "alterTable"]],
  ["modifyThing", ["mutation", "modifyThing"]],
  ["start", ["mutation", "start"]],
  ["stop", ["mutation", "stop"]],
  ["stop_all", ["mutation", "stop_all"]],
];

describe("root field conventions", () => {
  it.each(NAMES)("%s -> %j", (name, expected) => {
    const field = fieldName(name);
    if (expected === "hidden") {
      expect(isHidden(field)).toBe(true);
      return;
    }
    expect(isHidden(field)).toBe(false);
    expect([isMutation(name) ? "mutation" : "query", field]).toEqual(expected);
  });

  it("matches every mutation prefix alone and before a non-lower-case character only", () => {
    for (const prefix of MUTATION_PREFIXES) {
      expect(matchPrefix(prefix, MUTATION_PREFIXES)).toBe(prefix);
      expect(matchPrefix(`${prefix}Thing`, MUTATION_PREFIXES)).toBe(prefix);
      expect(matchPrefix(`${prefix}_thing`, MUTATION_PREFIXES)).toBe(prefix);
      expect(matchPrefix(`${prefix}thing`, MUTATION_PREFIXES)).toBe("");
    }
  });

  it("recognises an app with agents by the SDK's agent exports", () => {
    expect(hasAgents(["sayHello", "_modus_agent_activate"])).toBe(true);
    expect(hasAgents(["sayHello", "_private"])).toBe(false);
  });
});
