export declare const CHROMIUM_NAMES: string[];
/** The path of the first Chromium executable on `PATH`, or undefined. */
export declare function findChromium(pathVariable?: string): string | undefined;
