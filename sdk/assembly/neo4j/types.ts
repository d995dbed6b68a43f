// The graph values a Neo4j record can hold, as JSON objects with Neo4j's Go
// driver field names (ElementId, Props, ...): that is how the host encodes them.
import { JSON } from "json-as";
import { DynamicMap } from "../dynamicmap";

@json
abstract class Entity {
  @alias("ElementId")
  elementId!: string;

  @alias("Props")
  props!: DynamicMap;

  /** @deprecated Use `elementId`. */
  get ElementId(): string {
    return this.elementId;
  }
  set ElementId(value: string) {
    this.elementId = value;
  }

  /** @deprecated Use `props`. */
  get Props(): DynamicMap {
    return this.props;
  }
  set Props(value: DynamicMap) {
    this.props = value;
  }

  /**
   * A property decoded as `T` (a primitive, string, `Date`, `JSON.Raw`, `Point2D` or `Point3D`).
   *
   * @example const age = node.getProperty<i32>("age");
   */
  getProperty<T>(key: string): T {
    if (isInteger<T>() || isFloat<T>() || isBoolean<T>() || isString<T>()) return this.props.get<T>(key);
    if (isReference<T>()) {
      const id = idof<T>();
      if (id == idof<Date>() || id == idof<JSON.Raw>() || id == idof<Point2D>() || id == idof<Point3D>()) {
        return this.props.get<T>(key);
      }
    }
    throw new Error("Unsupported type.");
  }
}

/** A graph node: its labels and properties. */
@json
export class Node extends Entity {
  @alias("Labels")
  labels!: string[];

  /** @deprecated Use `labels`. */
  get Labels(): string[] {
    return this.labels;
  }
  set Labels(value: string[]) {
    this.labels = value;
  }
}

/** A graph relationship: its type, ends and properties. */
@json
export class Relationship extends Entity {
  @alias("StartElementId")
  startElementId!: string;

  @alias("EndElementId")
  endElementId!: string;

  @alias("Type")
  type!: string;

  /** @deprecated Use `startElementId`. */
  get StartElementId(): string {
    return this.startElementId;
  }
  set StartElementId(value: string) {
    this.startElementId = value;
  }

  /** @deprecated Use `endElementId`. */
  get EndElementId(): string {
    return this.endElementId;
  }
  set EndElementId(value: string) {
    this.endElementId = value;
  }

  /** @deprecated Use `type`. */
  get Type(): string {
    return this.type;
  }
  set Type(value: string) {
    this.type = value;
  }
}

/** A path through the graph. */
@json
export class Path {
  @alias("Nodes")
  nodes!: Node[];

  @alias("Relationships")
  relationships!: Relationship[];

  /** @deprecated Use `nodes`. */
  get Nodes(): Node[] {
    return this.nodes;
  }
  set Nodes(value: Node[]) {
    this.nodes = value;
  }

  /** @deprecated Use `relationships`. */
  get Relationships(): Relationship[] {
    return this.relationships;
  }
  set Relationships(value: Relationship[]) {
    this.relationships = value;
  }
}

/** A 2D spatial point. */
@json
export class Point2D {
  @alias("X")
  x!: f64;

  @alias("Y")
  y!: f64;

  @alias("SpatialRefId")
  spatialRefId!: u32;

  /** @deprecated Use `x`. */
  get X(): f64 {
    return this.x;
  }
  set X(value: f64) {
    this.x = value;
  }

  /** @deprecated Use `y`. */
  get Y(): f64 {
    return this.y;
  }
  set Y(value: f64) {
    this.y = value;
  }

  /** @deprecated Use `spatialRefId`. */
  get SpatialRefId(): u32 {
    return this.spatialRefId;
  }
  set SpatialRefId(value: u32) {
    this.spatialRefId = value;
  }

  toString(): string {
    return `Point{SpatialRefId=${this.spatialRefId}, X=${this.x}, Y=${this.y}}`;
  }

  /** @deprecated Use `toString`. */
  String(): string {
    return this.toString();
  }
}

/** A 3D spatial point. */
@json
export class Point3D {
  @alias("X")
  x!: f64;

  @alias("Y")
  y!: f64;

  @alias("Z")
  z!: f64;

  @alias("SpatialRefId")
  spatialRefId!: u32;

  /** @deprecated Use `x`. */
  get X(): f64 {
    return this.x;
  }
  set X(value: f64) {
    this.x = value;
  }

  /** @deprecated Use `y`. */
  get Y(): f64 {
    return this.y;
  }
  set Y(value: f64) {
    this.y = value;
  }

  /** @deprecated Use `z`. */
  get Z(): f64 {
    return this.z;
  }
  set Z(value: f64) {
    this.z = value;
  }

  /** @deprecated Use `spatialRefId`. */
  get SpatialRefId(): u32 {
    return this.spatialRefId;
  }
  set SpatialRefId(value: u32) {
    this.spatialRefId = value;
  }

  toString(): string {
    return `Point{SpatialRefId=${this.spatialRefId}, X=${this.x}, Y=${this.y}, Z=${this.z}}`;
  }

  /** @deprecated Use `toString`. */
  String(): string {
    return this.toString();
  }
}
