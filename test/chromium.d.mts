/** Types of chromium.mjs (plain JS so Node can run the benchmark without a build). */
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
