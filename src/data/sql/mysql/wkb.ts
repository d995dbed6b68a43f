// MySQL sends geometry as a 4-byte SRID and then WKB; Modus returns it as WKT
// (go-geom's text: "POINT (1 2)", "LINESTRING (0 0, 1 1)").

/**
 * The WKT of a MySQL geometry value (SRID + WKB): points, line strings and polygons.
 *
 * @example wkt(bytes) // "POINT (-73.98 40.75)"
 */
export function wkt(value: Uint8Array): string {
  const view = new DataView(value.buffer, value.byteOffset + 4, value.byteLength - 4);
  let at = 0;
  const little = view.getUint8(at) === 1;
  at += 1;
  const kind = view.getUint32(at, little);
  at += 4;
  const u32 = () => ((at += 4), view.getUint32(at - 4, little));
  const coord = () => {
    const x = view.getFloat64(at, little);
    const y = view.getFloat64(at + 8, little);
    at += 16;
    return `${x} ${y}`;
  };
  const ring = () => Array.from({ length: u32() }, coord).join(", ");
  switch (kind) {
    case 1:
      return `POINT (${coord()})`;
    case 2:
      return `LINESTRING (${ring()})`;
    case 3:
      return `POLYGON (${Array.from({ length: u32() }, () => `(${ring()})`).join(", ")})`;
    default:
      throw new Error(`geometry type ${kind} is not supported (points, line strings and polygons are)`);
  }
}
