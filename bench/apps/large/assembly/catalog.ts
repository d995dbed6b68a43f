// App classes for the large bench app: a catalog with nested classes, maps,
// nullable fields and dates, parsed and serialised with json-as.
import { JSON } from "json-as";

@json
export class Money {
  currency: string = "EUR";
  cents: i64 = 0;
}

@json
export class Price {
  list: Money = new Money();
  sale: Money | null = null;
  validFrom: Date = new Date(0);
  validTo: Date | null = null;
}

@json
export class Review {
  author: string = "";
  stars: u8 = 0;
  text: string = "";
  helpful: i32 = 0;
  createdAt: Date = new Date(0);
  replies: Review[] = [];
}

@json
export class Variant {
  sku: string = "";
  color: string | null = null;
  size: string | null = null;
  weightGrams: f32 = 0;
  dimensionsMm: i32[] = [];
  price: Price = new Price();
  stock: Map<string, i32> = new Map();
}

@json
export class Product {
  id: u64 = 0;
  slug: string = "";
  title: string = "";
  description: string = "";
  categories: string[] = [];
  variants: Variant[] = [];
  reviews: Review[] = [];
  attributes: Map<string, string> = new Map();
  related: u64[] = [];
  published: bool = false;
}

@json
export class Warehouse {
  code: string = "";
  name: string = "";
  lat: f64 = 0;
  lon: f64 = 0;
  openHours: Map<string, string> = new Map();
}

@json
export class ShipmentItem {
  sku: string = "";
  quantity: i32 = 0;
  serials: string[] = [];
}

@json
export class Shipment {
  id: string = "";
  from: Warehouse = new Warehouse();
  to: string = "";
  items: ShipmentItem[] = [];
  shippedAt: Date | null = null;
  deliveredAt: Date | null = null;
  tracking: Map<string, string[]> = new Map();
}

@json
export class InvoiceLine {
  description: string = "";
  quantity: f64 = 0;
  unit: Money = new Money();
  taxRate: f32 = 0;
}

@json
export class Invoice {
  number: string = "";
  issuedAt: Date = new Date(0);
  lines: InvoiceLine[] = [];
  total: Money = new Money();
  paidAt: Date | null = null;
  meta: Map<string, string> = new Map();
}

@json
export class SearchQuery {
  text: string = "";
  filters: Map<string, string[]> = new Map();
  page: i32 = 0;
  pageSize: i32 = 20;
  sort: string | null = null;
}

@json
export class SearchResult {
  query: SearchQuery = new SearchQuery();
  products: Product[] = [];
  facets: Map<string, Map<string, i32>> = new Map();
  total: i64 = 0;
}
