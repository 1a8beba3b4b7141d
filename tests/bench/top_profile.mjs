// Prints the functions with the most self time in a V8 .cpuprofile (node --cpu-prof, or
// profile_browser.mjs --out): a tool for BENCHMARKS.md, not a benchmark.
//
//   node top_profile.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] || 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const f = byId.get(id).callFrame;
  const name = f.functionName || `(anonymous ${f.url.split('/').pop()})`;
  self.set(name, (self.get(name) || 0) + (profile.timeDeltas[i + 1] || 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${total.toFixed(0)} ms sampled`);
for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms ${(100 * ms / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
}
