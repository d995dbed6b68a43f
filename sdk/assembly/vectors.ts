// Element-wise vector math over arrays of any numeric type.
// Sums and products accumulate in f64 and are converted back to T at the end.

/**
 * Throws unless `T` is an integer or float type.
 *
 * @example vectors.checkValidNumber<f32>(1.5);
 */
export function checkValidNumber<T extends number>(a: T): void {
  if (!isInteger<T>() && !isFloat<T>()) throw new Error("Vector must contain numbers.");
}

function checkVector<T extends number>(a: T[]): void {
  if (a.length == 0) throw new Error("Vector must not be empty.");
  checkValidNumber<T>(a[0]);
}

function checkPair<T extends number>(a: T[], b: T[]): void {
  if (a.length != b.length) throw new Error("Vectors must be the same length.");
  checkVector(a);
  checkVector(b);
}

/** `a + b`, element-wise, as a new vector. @example vectors.add([1, 2], [3, 4]); // [4, 6] */
export function add<T extends number>(a: T[], b: T[]): T[] {
  checkPair(a, b);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] + b[i]) as T;
  return out;
}

/** `a += b`, element-wise. @example vectors.addInPlace(a, b); */
export function addInPlace<T extends number>(a: T[], b: T[]): void {
  checkPair(a, b);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] + b[i]) as T;
}

/** `a - b`, element-wise, as a new vector. @example vectors.subtract([3, 4], [1, 2]); // [2, 2] */
export function subtract<T extends number>(a: T[], b: T[]): T[] {
  checkPair(a, b);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] - b[i]) as T;
  return out;
}

/** `a -= b`, element-wise. @example vectors.subtractInPlace(a, b); */
export function subtractInPlace<T extends number>(a: T[], b: T[]): void {
  checkPair(a, b);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] - b[i]) as T;
}

/** Adds `n` to every element, as a new vector. @example vectors.addNumber([1, 2], 1); // [2, 3] */
export function addNumber<T extends number>(a: T[], n: T): T[] {
  checkVector(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] + n) as T;
  return out;
}

/** Adds `n` to every element in place. @example vectors.addNumberInPlace(a, 1); */
export function addNumberInPlace<T extends number>(a: T[], n: T): void {
  checkVector(a);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] + n) as T;
}

/** Subtracts `n` from every element, as a new vector. @example vectors.subtractNumber([2, 3], 1); */
export function subtractNumber<T extends number>(a: T[], n: T): T[] {
  checkVector(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] - n) as T;
  return out;
}

/** Subtracts `n` from every element in place. @example vectors.subtractNumberInPlace(a, 1); */
export function subtractNumberInPlace<T extends number>(a: T[], n: T): void {
  checkVector(a);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] - n) as T;
}

/** Multiplies every element by `n`, as a new vector. @example vectors.multiplyNumber([1, 2], 3); // [3, 6] */
export function multiplyNumber<T extends number>(a: T[], n: T): T[] {
  checkVector(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] * n) as T;
  return out;
}

/** Multiplies every element by `n` in place. @example vectors.multiplyNumberInPlace(a, 2); */
export function multiplyNumberInPlace<T extends number>(a: T[], n: T): void {
  checkVector(a);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] * n) as T;
}

/** Divides every element by `n`, as a new vector. @example vectors.divideNumber([2, 4], 2); // [1, 2] */
export function divideNumber<T extends number>(a: T[], n: T): T[] {
  checkVector(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] / n) as T;
  return out;
}

/** Divides every element by `n` in place. @example vectors.divideNumberInPlace(a, 2); */
export function divideNumberInPlace<T extends number>(a: T[], n: T): void {
  checkVector(a);
  for (let i = 0; i < a.length; i++) a[i] = (a[i] / n) as T;
}

/** The dot product. @example vectors.dot([1, 2], [3, 4]); // 11 */
export function dot<T extends number>(a: T[], b: T[]): T {
  checkPair(a, b);
  let acc: f64 = 0;
  for (let i = 0; i < a.length; i++) acc += (a[i] as f64) * (b[i] as f64);
  return acc as T;
}

/** The Euclidean length. @example vectors.magnitude([3, 4]); // 5 */
export function magnitude<T extends number>(a: T[]): T {
  checkVector(a);
  return Math.sqrt(dot(a, a) as f64) as T;
}

/** The vector scaled to length 1. @example vectors.normalize<f64>([3, 4]); // [0.6, 0.8] */
export function normalize<T extends number>(a: T[]): T[] {
  const length = magnitude(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] / length) as T;
  return out;
}

/** The sum of the elements. @example vectors.sum([1, 2, 3]); // 6 */
export function sum<T extends number>(a: T[]): T {
  checkVector(a);
  let acc: f64 = 0;
  for (let i = 0; i < a.length; i++) acc += a[i] as f64;
  return acc as T;
}

/** The product of the elements. @example vectors.product([2, 3]); // 6 */
export function product<T extends number>(a: T[]): T {
  checkVector(a);
  let acc: f64 = 1;
  for (let i = 0; i < a.length; i++) acc *= a[i] as f64;
  return acc as T;
}

/** The arithmetic mean. @example vectors.mean<f64>([1, 2]); // 1.5 */
export function mean<T extends number>(a: T[]): T {
  return ((sum(a) as f64) / a.length) as T;
}

/** The smallest element. @example vectors.min([3, 1, 2]); // 1 */
export function min<T extends number>(a: T[]): T {
  checkVector(a);
  let m = a[0];
  for (let i = 1; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}

/** The largest element. @example vectors.max([3, 1, 2]); // 3 */
export function max<T extends number>(a: T[]): T {
  checkVector(a);
  let m = a[0];
  for (let i = 1; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

/** Absolute values, as a new vector. @example vectors.abs([-1, 2]); // [1, 2] */
export function abs<T extends number>(a: T[]): T[] {
  checkVector(a);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] < 0 ? (-a[i] as T) : a[i];
  return out;
}

/** Absolute values in place. @example vectors.absInPlace(a); */
export function absInPlace<T extends number>(a: T[]): void {
  checkVector(a);
  for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] = -a[i] as T;
}

/** The Euclidean distance between two points. @example vectors.euclidianDistance([0, 0], [3, 4]); // 5 */
export function euclidianDistance<T extends number>(a: T[], b: T[]): f64 {
  checkPair(a, b);
  let acc: f64 = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as f64) - (b[i] as f64);
    acc += d * d;
  }
  return Math.sqrt(acc);
}
