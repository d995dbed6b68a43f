/** Golden files are imported as text through Vite's `?raw` suffix. */
declare module "*?raw" {
  const text: string;
  export default text;
}
