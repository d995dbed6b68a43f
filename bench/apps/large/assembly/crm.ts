// More app classes for the large bench app: a CRM's accounts, deals and
// activities, with the same mix of nesting, maps, nullables and dates.
import { JSON } from "json-as";

@json
export class Person {
  id: string = "";
  givenName: string = "";
  familyName: string = "";
  emails: string[] = [];
  phones: Map<string, string> = new Map();
  birthday: Date | null = null;
  timeZone: string = "UTC";
}

@json
export class Account {
  id: string = "";
  name: string = "";
  domain: string | null = null;
  industry: string = "";
  employees: i32 = 0;
  revenue: f64 = 0;
  owner: Person = new Person();
  contacts: Person[] = [];
  labels: Map<string, bool> = new Map();
  createdAt: Date = new Date(0);
}

@json
export class Stage {
  name: string = "";
  probability: f32 = 0;
  enteredAt: Date = new Date(0);
}

@json
export class Deal {
  id: string = "";
  account: Account = new Account();
  amount: f64 = 0;
  currency: string = "EUR";
  stages: Stage[] = [];
  closeDate: Date | null = null;
  won: bool = false;
  lostReason: string | null = null;
  custom: Map<string, string> = new Map();
}

@json
export class Activity {
  id: string = "";
  kind: string = "";
  subject: string = "";
  body: string | null = null;
  at: Date = new Date(0);
  durationMinutes: i32 = 0;
  participants: Person[] = [];
  dealId: string | null = null;
}

@json
export class Pipeline {
  name: string = "";
  deals: Deal[] = [];
  activities: Activity[] = [];
  byOwner: Map<string, string[]> = new Map();
  forecast: Map<string, f64> = new Map();
}

@json
export class Summary {
  openDeals: i32 = 0;
  wonAmount: f64 = 0;
  weighted: f64 = 0;
  busiest: string | null = null;
  lastActivity: Date | null = null;
}
