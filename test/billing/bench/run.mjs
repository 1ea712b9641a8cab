// The pricing pass at 1M rows in plain Node: node test/billing/bench/run.mjs [size] [--runs 5]
// Runs pricing-bench.ts bundled, in a child Node with --expose-gc (test/bench/node-bench.mjs).
import { bundledBench } from '../../bench/node-bench.mjs';

const { runPricingBench } = await bundledBench(import.meta.url, 'pricing-bench.ts', {
  maxOldSpaceMb: 6144,
});
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at < 0 ? 5 : Number(args[at + 1]);
if (at >= 0) args.splice(at, 2);
const size = args.length ? Number(args[0]) : 1_000_000;
console.log(JSON.stringify(runPricingBench({ size, runs }), null, 2));
