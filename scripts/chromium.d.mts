// Types for the Chromium launch settings shared by the e2e tests and the benchmarks (plain JavaScript for bench.mjs).
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
