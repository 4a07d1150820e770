/**
 * Prints the functions a .cpuprofile (node --cpu-prof) spent most self time in, with their
 * share, and the share of a few named causes found anywhere on the stack (inclusive).
 *   node bench/support/summarize-profile.js file.cpuprofile [top=25]
 */
'use strict';
const { readFileSync } = require('node:fs');

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const total = profile.samples.length;
const inclusive = new Map();
for (const id of profile.samples) {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + 1);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const cf = byId.get(at).callFrame;
    const name = cf.functionName;
    const url = cf.url;
    const tag = url.includes('node_modules/')
      ? url
          .replace(/^.*node_modules\//, '')
          .split('/')
          .slice(0, url.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : null;
    for (const k of [name, tag && `[${tag}]`]) {
      if (k && !seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
      }
    }
  }
}
const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
console.log(`samples: ${total}`);
console.log('self time:');
for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(n).padStart(7)}  ${k}`);
console.log('on the stack (inclusive), by package and by function:');
for (const [k, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top * 2))
  console.log(`  ${pct(n).padStart(7)}  ${k}`);
