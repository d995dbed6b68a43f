// A bench-only app, about three times the example's size: it uses every part of
// the OpenAI chat classes (messages, content parts, tools, response formats)
// and json-as on several app classes, so the per-instance cost can be measured
// on a module the size of a real app. `sayHello` is the function timed.
import { models } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import {
  OpenAIChatModel,
  OpenAIChatOutput,
  SystemMessage,
  DeveloperMessage,
  UserMessage,
  AssistantMessage,
  ToolMessage,
  RequestMessage,
  TextContentPart,
  ImageContentPart,
  AudioContentPart,
  RefusalContentPart,
  Image,
  Audio,
  Tool,
  ToolCall,
  FunctionCall,
  ToolChoice,
  ResponseFormat,
  ServiceTier,
  AudioRef,
  parseMessages,
} from "@hypermode/modus-sdk-as/models/openai/chat";

@json
class Address {
  street: string = "";
  city: string = "";
  postcode: string = "";
  country: string = "";
}

@json
class Contact {
  name: string = "";
  email: string = "";
  tags: string[] = [];
  scores: Map<string, f64> = new Map();
  address: Address = new Address();
  manager: Contact | null = null;
}

@json
class Order {
  id: i64 = 0;
  contact: Contact = new Contact();
  lines: OrderLine[] = [];
  notes: string | null = null;
  paid: bool = false;
}

@json
class OrderLine {
  sku: string = "";
  quantity: i32 = 0;
  price: f64 = 0;
  attributes: Map<string, string> = new Map();
}

@json
class WeatherArgs {
  city: string = "";
  days: i32 = 1;
}

@json
class Plan {
  title: string = "";
  steps: string[] = [];
  risks: Map<string, string[]> = new Map();
  estimateHours: f64 = 0;
}

/** Greets someone by name (the function the per-instance benchmark calls). */
export function sayHello(name: string): string {
  return "Hello, " + name + "!";
}

function chatModel(): OpenAIChatModel {
  return models.getModel<OpenAIChatModel>("llm");
}

/** Sends a prompt with tools; runs the tool call the model asks for and sends its result back. */
export function chatWithTools(prompt: string): string {
  const model = chatModel();
  const weather = Tool.forFunction("get_weather", "Current weather for a city")
    .withParameter("city", "string", "The city")
    .withParameter("days", "integer", "How many days");
  const messages: RequestMessage[] = [new SystemMessage("Use tools when they help."), new UserMessage(prompt)];
  const input = model.createInput(messages);
  input.tools = [weather];
  input.toolChoice = ToolChoice.Auto;
  const out = model.invoke(input);
  const msg = out.choices[0].message;
  if (msg.toolCalls.length == 0) return msg.content;
  const call = msg.toolCalls[0];
  const args = JSON.parse<WeatherArgs>(call.function.arguments);
  messages.push(AssistantMessage.fromCompletionMessage(msg));
  messages.push(new ToolMessage(`{"city":${JSON.stringify(args.city)},"tempC":21}`, call.id));
  const next = model.createInput(messages);
  return model.invoke(next).choices[0].message.content;
}

/** Asks for a plan as structured JSON and parses it. */
export function makePlan(goal: string): Plan {
  const model = chatModel();
  const input = model.createInput([new DeveloperMessage("Answer with JSON only."), new UserMessage(goal)]);
  input.responseFormat = ResponseFormat.JsonSchema('{"name":"plan","strict":true,"schema":{"type":"object"}}');
  input.serviceTier = ServiceTier.Default;
  return JSON.parse<Plan>(model.invoke(input).choices[0].message.content);
}

/** The request with every message kind, content part and option set, as JSON. */
export function fullRequest(prompt: string): string {
  const bytes = Uint8Array.wrap(String.UTF8.encode("fake-bytes"));
  const call = new ToolCall();
  call.id = "call_1";
  call.function = { name: "get_weather", arguments: '{"city":"Paris"}' } as FunctionCall;
  const assistant = new AssistantMessage<string>("Let me check.");
  assistant.toolCalls = [call];
  assistant.audio = new AudioRef("audio_1");
  const messages: RequestMessage[] = [
    SystemMessage.fromParts([new TextContentPart("System part.")]),
    UserMessage.fromParts([
      new TextContentPart(prompt),
      new ImageContentPart(Image.fromURL("https://example.com/cat.png", "low")),
      new ImageContentPart(Image.fromData(bytes, "png")),
      new AudioContentPart(Audio.fromData(bytes, "audio/wav")),
    ]),
    assistant,
    AssistantMessage.fromParts([new TextContentPart("Sure."), new RefusalContentPart("Not that.")]),
    ToolMessage.fromParts("call_2", [new TextContentPart("done")]),
  ];
  const input = chatModel().createInput(messages);
  input.requestAudioOutput("ash", "mp3");
  input.stop = ["\n\n", "END"];
  input.toolChoice = ToolChoice.Function("get_weather");
  return JSON.stringify(input);
}

/** Parses a chat completion and restates its first choice as an assistant message. */
export function restate(response: string): string {
  const out = JSON.parse<OpenAIChatOutput>(response);
  return JSON.stringify(AssistantMessage.fromCompletionMessage(out.choices[0].message));
}

/** Messages restored from JSON, serialised again. */
export function roundTripMessages(messages: string): string {
  return JSON.stringify(parseMessages(messages));
}

/** Parses an order, totals it, and returns it with a note. */
export function totalOrder(json: string): Order {
  const order = JSON.parse<Order>(json);
  let total: f64 = 0;
  for (let i = 0; i < order.lines.length; i++) total += order.lines[i].price * <f64>order.lines[i].quantity;
  order.notes = "total " + total.toString();
  return order;
}

/** Contacts as JSON, sorted by name. */
export function sortContacts(json: string): string {
  const contacts = JSON.parse<Contact[]>(json);
  contacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify(contacts);
}

// The catalog: every class is parsed and serialised, so json-as generates its code.
import { Invoice, Money, Product, SearchQuery, SearchResult, Shipment } from "./catalog";

/** Parses a product and returns its cheapest variant's price in cents. */
export function cheapestVariant(json: string): i64 {
  const p = JSON.parse<Product>(json);
  let best: i64 = i64.MAX_VALUE;
  for (let i = 0; i < p.variants.length; i++) {
    const price = p.variants[i].price;
    const sale = price.sale;
    const cents = sale ? sale.cents : price.list.cents;
    if (cents < best) best = cents;
  }
  return best;
}

/** A product normalised (trimmed title, sorted categories), as JSON. */
export function normaliseProduct(json: string): string {
  const p = JSON.parse<Product>(json);
  p.title = p.title.trim();
  p.categories.sort();
  return JSON.stringify(p);
}

/** Items in a shipment that are not yet delivered. */
export function pendingItems(json: string): i32 {
  const s = JSON.parse<Shipment>(json);
  if (s.deliveredAt) return 0;
  let n = 0;
  for (let i = 0; i < s.items.length; i++) n += s.items[i].quantity;
  return n;
}

/** The invoice's total recomputed from its lines, with tax. */
export function invoiceTotal(json: string): Money {
  const inv = JSON.parse<Invoice>(json);
  let cents: f64 = 0;
  for (let i = 0; i < inv.lines.length; i++) {
    const l = inv.lines[i];
    cents += l.quantity * <f64>l.unit.cents * (1.0 + <f64>l.taxRate);
  }
  const m = new Money();
  m.currency = inv.total.currency;
  m.cents = <i64>Math.round(cents);
  return m;
}

/** Runs a search over the products given as JSON and returns the result as JSON. */
export function search(queryJson: string, productsJson: string): string {
  const q = JSON.parse<SearchQuery>(queryJson);
  const all = JSON.parse<Product[]>(productsJson);
  const r = new SearchResult();
  r.query = q;
  const facet = new Map<string, i32>();
  for (let i = 0; i < all.length; i++) {
    const p = all[i];
    if (!p.title.includes(q.text)) continue;
    r.products.push(p);
    for (let j = 0; j < p.categories.length; j++) {
      const c = p.categories[j];
      facet.set(c, (facet.has(c) ? facet.get(c) : 0) + 1);
    }
  }
  r.facets.set("category", facet);
  r.total = r.products.length;
  return JSON.stringify(r);
}

// The CRM: parsed, summarised, and turned into a prompt for the model.
import { Pipeline, Summary, Deal, Activity, Account } from "./crm";

/** Summarises a pipeline given as JSON. */
export function summarisePipeline(json: string): Summary {
  const p = JSON.parse<Pipeline>(json);
  const s = new Summary();
  const counts = new Map<string, i32>();
  for (let i = 0; i < p.deals.length; i++) {
    const d = p.deals[i];
    if (d.won) s.wonAmount += d.amount;
    else if (!d.lostReason) {
      s.openDeals++;
      const stage = d.stages.length ? d.stages[d.stages.length - 1].probability : 0;
      s.weighted += d.amount * <f64>stage;
    }
    const owner = d.account.owner.id;
    counts.set(owner, (counts.has(owner) ? counts.get(owner) : 0) + 1);
  }
  let most = 0;
  const owners = counts.keys();
  for (let i = 0; i < owners.length; i++) {
    if (counts.get(owners[i]) > most) {
      most = counts.get(owners[i]);
      s.busiest = owners[i];
    }
  }
  for (let i = 0; i < p.activities.length; i++) {
    const at = p.activities[i].at;
    const last = s.lastActivity;
    if (!last || at.getTime() > last.getTime()) s.lastActivity = at;
  }
  return s;
}

/** Asks the model for a next step on a deal given as JSON. */
export function nextStep(dealJson: string): string {
  const deal = JSON.parse<Deal>(dealJson);
  const model = chatModel();
  const input = model.createInput([
    new SystemMessage("You are a sales coach. Answer in one sentence."),
    new UserMessage("Deal: " + JSON.stringify(deal)),
  ]);
  input.temperature = 0.3;
  return model.invoke(input).choices[0].message.content.trim();
}

/** Activities for a deal, newest first, as JSON. */
export function dealActivities(dealId: string, activitiesJson: string): string {
  const all = JSON.parse<Activity[]>(activitiesJson);
  const out = new Array<Activity>();
  for (let i = 0; i < all.length; i++) {
    const id = all[i].dealId;
    if (id && id == dealId) out.push(all[i]);
  }
  out.sort((a, b) => <i32>(b.at.getTime() - a.at.getTime()));
  return JSON.stringify(out);
}

/** An account merged with another (contacts and labels unioned), as JSON. */
export function mergeAccounts(aJson: string, bJson: string): string {
  const a = JSON.parse<Account>(aJson);
  const b = JSON.parse<Account>(bJson);
  for (let i = 0; i < b.contacts.length; i++) a.contacts.push(b.contacts[i]);
  const keys = b.labels.keys();
  for (let i = 0; i < keys.length; i++) a.labels.set(keys[i], b.labels.get(keys[i]));
  if (!a.domain) a.domain = b.domain;
  return JSON.stringify(a);
}

// Every class parsed and serialised again, as a normaliser of its JSON.
import { Price, Review, Variant, Warehouse, Invoice as Inv } from "./catalog";
import { Person, Stage } from "./crm";

function roundTrip<T>(json: string): string {
  return JSON.stringify<T>(JSON.parse<T>(json));
}

/** Normalised JSON of a price. */
export function normalisePrice(json: string): string { return roundTrip<Price>(json); }
/** Normalised JSON of a review thread. */
export function normaliseReview(json: string): string { return roundTrip<Review>(json); }
/** Normalised JSON of a variant. */
export function normaliseVariant(json: string): string { return roundTrip<Variant>(json); }
/** Normalised JSON of a warehouse. */
export function normaliseWarehouse(json: string): string { return roundTrip<Warehouse>(json); }
/** Normalised JSON of a shipment. */
export function normaliseShipment(json: string): string { return roundTrip<Shipment>(json); }
/** Normalised JSON of an invoice. */
export function normaliseInvoice(json: string): string { return roundTrip<Inv>(json); }
/** Normalised JSON of a search result. */
export function normaliseSearchResult(json: string): string { return roundTrip<SearchResult>(json); }
/** Normalised JSON of a person. */
export function normalisePerson(json: string): string { return roundTrip<Person>(json); }
/** Normalised JSON of a deal stage. */
export function normaliseStage(json: string): string { return roundTrip<Stage>(json); }
/** Normalised JSON of a deal. */
export function normaliseDeal(json: string): string { return roundTrip<Deal>(json); }
/** Normalised JSON of a pipeline. */
export function normalisePipeline(json: string): string { return roundTrip<Pipeline>(json); }
/** Normalised JSON of an order. */
export function normaliseOrder(json: string): string { return roundTrip<Order>(json); }
/** Normalised JSON of a list of orders. */
export function normaliseOrders(json: string): string { return roundTrip<Order[]>(json); }
/** Normalised JSON of a chat completion. */
export function normaliseCompletion(json: string): string { return roundTrip<OpenAIChatOutput>(json); }

// Classes as GraphQL arguments and results: the ABI lifts and lowers them directly.
/** The product with its review count in the title. */
export function annotateProduct(p: Product): Product {
  p.title = p.title + " (" + p.reviews.length.toString() + " reviews)";
  return p;
}
/** The deal with its stages ordered by entry time. */
export function orderStages(d: Deal): Deal {
  d.stages.sort((a, b) => <i32>(a.enteredAt.getTime() - b.enteredAt.getTime()));
  return d;
}
/** The shipment's items as JSON lines. */
export function shipmentLines(s: Shipment): string[] {
  const out = new Array<string>();
  for (let i = 0; i < s.items.length; i++) out.push(JSON.stringify(s.items[i]));
  return out;
}
/** Accounts given as JSON, largest first, with their contacts' names. */
export function rankAccounts(json: string): Map<string, string[]> {
  const accounts = JSON.parse<Account[]>(json);
  accounts.sort((a, b) => b.employees - a.employees);
  const out = new Map<string, string[]>();
  for (let i = 0; i < accounts.length; i++) {
    const names = new Array<string>();
    for (let j = 0; j < accounts[i].contacts.length; j++) names.push(accounts[i].contacts[j].givenName);
    out.set(accounts[i].name, names);
  }
  return out;
}

// Lists and maps of the app's classes, each a distinct json-as instantiation.
import { Warehouse as Site, Review as Rating } from "./catalog";
import { Activity as Event, Account as Customer } from "./crm";

/** Normalised JSON of products grouped by category. */
export function normaliseCatalog(json: string): string { return roundTrip<Map<string, Product[]>>(json); }
/** Normalised JSON of warehouses by code. */
export function normaliseSites(json: string): string { return roundTrip<Map<string, Site>>(json); }
/** Normalised JSON of ratings by product id. */
export function normaliseRatings(json: string): string { return roundTrip<Map<string, Rating[]>>(json); }
/** Normalised JSON of a day's events. */
export function normaliseEvents(json: string): string { return roundTrip<Event[]>(json); }
/** Normalised JSON of customers by owner. */
export function normaliseCustomers(json: string): string { return roundTrip<Map<string, Customer[]>>(json); }
/** Normalised JSON of invoices. */
export function normaliseInvoices(json: string): string { return roundTrip<Inv[]>(json); }
/** Normalised JSON of shipments by warehouse. */
export function normaliseShipments(json: string): string { return roundTrip<Map<string, Shipment[]>>(json); }
/** Normalised JSON of summaries by quarter. */
export function normaliseSummaries(json: string): string { return roundTrip<Map<string, Summary>>(json); }
/** Normalised JSON of chat messages by thread. */
export function normaliseThreads(json: string): string {
  const threads = JSON.parse<Map<string, string>>(json);
  const out = new Map<string, string>();
  const keys = threads.keys();
  for (let i = 0; i < keys.length; i++) out.set(keys[i], JSON.stringify(parseMessages(threads.get(keys[i]))));
  return JSON.stringify(out);
}
