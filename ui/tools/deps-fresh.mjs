#!/usr/bin/env node
// Exits 0 when ui/node_modules matches ui/package-lock.json, 1 (with the reason) when it is
// missing or stale. Compares the lockfile with npm's record of what it installed,
// node_modules/.package-lock.json: same version and integrity for every installed package,
// nothing installed that the lockfile lacks, and nothing missing but optional packages for
// other platforms.

import { readFileSync } from 'node:fs';

const ui = new URL('../', import.meta.url);

function read(path) {
  try {
    return JSON.parse(readFileSync(new URL(path, ui), 'utf8'));
  } catch {
    return null;
  }
}

function stale(reason) {
  console.log(`ui/node_modules: ${reason}`);
  process.exit(1);
}

const lock = read('package-lock.json');
const installed = read('node_modules/.package-lock.json');
if (!lock) stale('ui/package-lock.json is missing');
if (!installed) stale('not installed');

const wanted = lock.packages ?? {};
const have = installed.packages ?? {};
for (const [path, meta] of Object.entries(have)) {
  const want = wanted[path];
  if (!want) stale(`${path} is not in package-lock.json`);
  if (want.version !== meta.version || want.integrity !== meta.integrity) {
    stale(`${path} is ${meta.version}, package-lock.json wants ${want.version}`);
  }
}
for (const [path, meta] of Object.entries(wanted)) {
  if (path !== '' && !have[path] && !meta.optional) stale(`${path} is missing`);
}
