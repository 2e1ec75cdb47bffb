#!/usr/bin/env node
// Browser test of the Ferry UI: drives Debian's Chromium (playwright-core) against a running
// server and checks add, list, edit, delete, reload, paging and error display.
//
//   FERRY_URL=http://127.0.0.1:5000 node tests/browser.test.mjs
//
// Env: FERRY_URL (the server, serving the UI at / and the API), CHROMIUM (default
// /usr/bin/chromium), FERRY_TEST_OUTPUT (default <repo>/test-output). Writes ui.png (desktop,
// documents listed) and ui-mobile.png there. Every document it writes has a key under a
// prefix unique to the run, and is deleted at the end.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outputDir = process.env.FERRY_TEST_OUTPUT ?? join(repoRoot, 'test-output');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 10_000;

const baseUrl = process.env.FERRY_URL;
if (!baseUrl) {
  console.error('browser test: set FERRY_URL to the server (e.g. http://127.0.0.1:5000)');
  process.exit(2);
}
const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
const prefix = `ui-test-${Date.now().toString(36)}-${process.pid}/`;

// ---------------------------------------------------------------------------------------------
// Helpers

let passed = 0;
let failed = 0;
let stopped = false;

/** Ends the run early: the remaining steps cannot work. */
class Stop extends Error {}

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`  FAIL  ${name} (${Date.now() - started} ms)`);
    for (const line of String(err?.stack ?? err).split('\n').slice(0, 6)) console.log(`        ${line}`);
  }
}

/** Polls `fn` until it returns a truthy value; fails with `what` and the last value. */
async function eventually(what, fn, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last?.message ?? last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The API, straight from Node (setup, checks and cleanup). */
async function api(method, path, body) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const docPath = (key) => `api/data/${encodeURIComponent(key)}`;
const byTest = (page, id) => page.locator(`[data-testid="${id}"]`);
const row = (page, key) => page.locator(`[data-testid="doc-row"][data-key="${key}"]`);

async function textOf(locator) {
  return (await locator.textContent({ timeout: TIMEOUT })) ?? '';
}

async function waitForText(locator, expected, what) {
  return eventually(`${what} to contain "${expected}"`, async () => {
    const text = await textOf(locator);
    return text.includes(expected) ? text : (() => { throw new Error(`text is "${text}"`); })();
  });
}

async function rowKeys(page) {
  return page.locator('[data-testid="doc-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.key));
}

async function filter(page, value) {
  await byTest(page, 'filter-input').fill(value);
  await byTest(page, 'filter-button').click();
  await eventually(`the list filtered by "${value}"`, async () => {
    const keys = await rowKeys(page);
    const busy = await byTest(page, 'doc-list').getAttribute('aria-busy');
    return busy === 'false' && keys.every((k) => k.startsWith(value));
  });
}

async function openApp(page) {
  await page.goto(base.href, { waitUntil: 'load' });
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
}

// ---------------------------------------------------------------------------------------------
// The run

console.log(`browser test: ${base.href} (prefix ${prefix}), Chromium ${chromiumPath}`);
mkdirSync(outputDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'ferry-chromium-'));
let context;
const pageErrors = [];
const requests = [];

try {
  await step('server answers GET /health with {"status":"ok"}', async () => {
    const health = await api('GET', 'health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
  });
  if (failed > 0) throw new Stop(`stopped: no Ferry server answers at ${base.href}; start one first`);

  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Chromium logs every 4xx response as "Failed to load resource"; those are expected here.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => requests.push({ method: req.method(), url: req.url() }));
  const writes = () => requests.filter((r) => r.method !== 'GET');

  const alpha = `${prefix}alpha`;
  const card = `${prefix}card`;

  await step('UI loads at / with the form, the filter and the document list', async () => {
    await openApp(page);
    assert.match(await page.title(), /Ferry/);
    await byTest(page, 'key-input').waitFor();
    await byTest(page, 'doc-list').waitFor({ state: 'attached' });
    assert.equal(await byTest(page, 'list-error').isHidden(), true, 'no list error');
    assert.equal(await byTest(page, 'status').getAttribute('aria-live'), 'polite');
  });

  await step(`filtering by the run's prefix shows no documents`, async () => {
    await filter(page, prefix);
    assert.deepEqual(await rowKeys(page), []);
    await waitForText(byTest(page, 'empty'), 'No documents', 'the empty message');
  });

  await step('invalid JSON shows the client-side error and sends nothing', async () => {
    const before = writes().length;
    await byTest(page, 'key-input').fill(alpha);
    await byTest(page, 'json-input').fill('{"name": "Ada",');
    await byTest(page, 'save-button').click();
    const error = byTest(page, 'form-error');
    await error.waitFor({ state: 'visible' });
    await waitForText(error, 'not valid JSON', 'the form error');
    assert.equal(await error.getAttribute('data-code'), 'client_validation');
    assert.equal(await byTest(page, 'json-input').getAttribute('aria-invalid'), 'true');
    assert.equal(writes().length, before, 'no POST/PUT was sent');
  });

  await step('add a document with the JSON form: it is listed with a preview', async () => {
    await byTest(page, 'json-input').fill('{"name": "Ada Lovelace", "born": 1815, "tags": ["math", "engines"]}');
    await byTest(page, 'save-button').click();
    await waitForText(byTest(page, 'status'), `Added “${alpha}”`, 'the status');
    await row(page, alpha).waitFor();
    await waitForText(row(page, alpha).locator('[data-testid="doc-preview"]'), 'Ada Lovelace', 'the preview');
    assert.equal(await byTest(page, 'form-error').isHidden(), true, 'the error is gone');
    assert.equal(await byTest(page, 'key-input').inputValue(), '', 'the form is cleared');
    const stored = await api('GET', docPath(alpha));
    assert.equal(stored.status, 200);
    assert.deepEqual(stored.body, { name: 'Ada Lovelace', born: 1815, tags: ['math', 'engines'] });
    assert.ok(writes().some((r) => r.method === 'POST' && r.url.endsWith(docPath(alpha))), 'sent with POST');
  });

  await step('add a card (title + description): stored as {"title","description"}', async () => {
    await page.locator('label[for="mode-card"]').click(); // the visible half of the segmented control
    assert.equal(await byTest(page, 'mode-card').isChecked(), true);
    await byTest(page, 'title-input').waitFor();
    assert.equal(await byTest(page, 'json-input').isHidden(), true, 'the JSON field is hidden');
    await byTest(page, 'key-input').fill(card);
    await byTest(page, 'title-input').fill('Release checklist');
    await byTest(page, 'description-input').fill('Tag, build, publish the packages and announce.');
    await byTest(page, 'save-button').click();
    await waitForText(byTest(page, 'status'), `Added “${card}”`, 'the status');
    await waitForText(row(page, card).locator('[data-testid="doc-preview"]'), 'Release checklist', 'the preview');
    const stored = await api('GET', docPath(card));
    assert.deepEqual(stored.body, { title: 'Release checklist', description: 'Tag, build, publish the packages and announce.' });
  });

  await step('more documents added through the API are listed in key order', async () => {
    const more = {
      [`${prefix}config/limits`]: { maxKeyBytes: 1024, maxValueBytes: 67108864, flushEveryMs: 500 },
      [`${prefix}user/1`]: { name: 'Grace Hopper', roles: ['admin'], active: true },
      [`${prefix}user/2`]: { name: 'Linus', roles: [], active: false },
      [`${prefix}note`]: 'Plain strings are JSON documents too.',
    };
    for (const [key, value] of Object.entries(more)) assert.equal((await api('PUT', docPath(key), value)).status, 201);
    await byTest(page, 'refresh-button').click();
    const expected = [alpha, card, ...Object.keys(more)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    await eventually('all six documents in key order', async () => JSON.stringify(await rowKeys(page)) === JSON.stringify(expected));
  });

  await step('edit a document: loaded into the form, saved with PUT, change listed', async () => {
    await row(page, alpha).locator('[data-testid="edit-button"]').click();
    await waitForText(byTest(page, 'editor-title'), 'Edit', 'the form title');
    assert.equal(await byTest(page, 'key-input').inputValue(), alpha);
    assert.equal(await byTest(page, 'key-input').getAttribute('readonly'), '', 'the key is read-only');
    const loaded = JSON.parse(await byTest(page, 'json-input').inputValue());
    assert.equal(loaded.name, 'Ada Lovelace');
    assert.ok(await row(page, alpha).evaluate((el) => el.classList.contains('selected')), 'the row is marked');
    await byTest(page, 'json-input').fill(JSON.stringify({ ...loaded, name: 'Ada King, Countess of Lovelace', edited: true }, null, 2));
    await byTest(page, 'save-button').click();
    await waitForText(byTest(page, 'status'), `Saved “${alpha}”`, 'the status');
    await waitForText(row(page, alpha).locator('[data-testid="doc-preview"]'), 'Countess of Lovelace', 'the preview');
    assert.ok(writes().some((r) => r.method === 'PUT' && r.url.endsWith(docPath(alpha))), 'sent with PUT');
    assert.equal((await api('GET', docPath(alpha))).body.edited, true);
    await waitForText(byTest(page, 'editor-title'), 'Add a document', 'the form title');
  });

  await step('edit a card: it opens in the card form', async () => {
    await row(page, card).locator('[data-testid="edit-button"]').click();
    await eventually('the card form', async () => (await byTest(page, 'title-input').inputValue()) === 'Release checklist');
    assert.equal(await byTest(page, 'mode-card').isChecked(), true);
    await byTest(page, 'description-input').fill('Tag, build, test, publish and announce.');
  });

  await step(`screenshot with documents listed → ${join(outputDir, 'ui.png')}`, async () => {
    assert.ok((await rowKeys(page)).length > 0, 'documents are listed');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(outputDir, 'ui.png'), fullPage: true });
  });

  await step('saving the card stores the new description', async () => {
    await byTest(page, 'save-button').click();
    await waitForText(byTest(page, 'status'), `Saved “${card}”`, 'the status');
    assert.equal((await api('GET', docPath(card))).body.description, 'Tag, build, test, publish and announce.');
  });

  await step('delete asks for confirmation; Cancel keeps the document', async () => {
    const before = writes().length;
    await row(page, alpha).locator('[data-testid="delete-button"]').click();
    const dialog = byTest(page, 'confirm-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await textOf(byTest(page, 'confirm-key')), alpha);
    await byTest(page, 'confirm-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(writes().length, before, 'no DELETE was sent');
    assert.equal(await row(page, alpha).count(), 1);
  });

  await step('delete after confirming: the row goes away', async () => {
    await row(page, alpha).locator('[data-testid="delete-button"]').click();
    await byTest(page, 'confirm-dialog').waitFor({ state: 'visible' });
    await byTest(page, 'confirm-delete').click();
    await waitForText(byTest(page, 'status'), `Deleted “${alpha}”`, 'the status');
    await row(page, alpha).waitFor({ state: 'detached' });
    assert.equal((await api('GET', docPath(alpha))).status, 404);
  });

  await step('after a reload the deleted document is still gone', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await filter(page, prefix);
    await row(page, card).waitFor();
    assert.equal(await row(page, alpha).count(), 0);
  });

  await step('an API error (key of 1025 bytes) shows 400 invalid_key with the message', async () => {
    const longKey = `${prefix}${'k'.repeat(1025 - Buffer.byteLength(prefix))}`;
    assert.equal(Buffer.byteLength(longKey), 1025);
    await byTest(page, 'key-input').fill(longKey);
    await waitForText(byTest(page, 'key-bytes'), '1025 / 1024 bytes', 'the byte counter');
    await byTest(page, 'json-input').fill('{"too": "long"}');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(docPath(longKey))),
      byTest(page, 'save-button').click(),
    ]);
    assert.equal(response.status(), 400, 'the server refuses it');
    const error = byTest(page, 'form-error');
    await waitForText(error, 'invalid_key', 'the form error');
    const text = await textOf(error);
    assert.match(text, /400/, 'shows the status');
    assert.ok(text.replace(/^\s*400 invalid_key\s*/, '').trim().length > 0, `shows the server's message: "${text}"`);
    assert.equal(await error.getAttribute('data-code'), 'invalid_key');
    assert.equal(await byTest(page, 'key-input').inputValue(), longKey, 'the form keeps its input');
  });

  await step('a multi-byte key over 1024 bytes (513 × "é" = 1026 bytes) is also invalid_key', async () => {
    const key = 'é'.repeat(513);
    await byTest(page, 'key-input').fill(key);
    await waitForText(byTest(page, 'key-bytes'), '1026 / 1024', 'the byte counter');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(docPath(key))),
      byTest(page, 'save-button').click(),
    ]);
    assert.equal(response.status(), 400, 'the server refuses it');
    await waitForText(byTest(page, 'form-error'), '400 invalid_key', 'the form error');
    await byTest(page, 'cancel-button').click();
    await byTest(page, 'form-error').waitFor({ state: 'hidden' });
  });

  await step('paging: 25 documents → page 1 has 20, Next shows 5, Previous shows the 20 again', async () => {
    const pagePrefix = `${prefix}page/`;
    const keys = Array.from({ length: 25 }, (_, i) => `${pagePrefix}${String(i).padStart(2, '0')}`);
    for (const key of keys) assert.equal((await api('PUT', docPath(key), { n: Number(key.slice(-2)) })).status, 201);
    await filter(page, pagePrefix);
    await eventually('20 rows on page 1', async () => (await rowKeys(page)).length === 20);
    assert.deepEqual(await rowKeys(page), keys.slice(0, 20));
    assert.equal(await byTest(page, 'prev-page').isDisabled(), true, 'Previous disabled on page 1');
    assert.equal(await byTest(page, 'next-page').isEnabled(), true, 'Next enabled on page 1');
    const listing = requests.filter((r) => r.url.includes('/api/data?')).at(-1);
    assert.match(listing.url, /limit=20/);

    await byTest(page, 'next-page').click();
    await eventually('5 rows on page 2', async () => (await rowKeys(page)).length === 5);
    assert.deepEqual(await rowKeys(page), keys.slice(20));
    await waitForText(byTest(page, 'page-indicator'), 'Page 2', 'the page indicator');
    const next = requests.filter((r) => r.url.includes('/api/data?')).at(-1);
    assert.equal(new URL(next.url).searchParams.get('after'), keys[19], 'Next asks for keys after the last one');
    assert.equal(await byTest(page, 'next-page').isDisabled(), true, 'Next disabled on the last page');

    await byTest(page, 'prev-page').click();
    await eventually('20 rows on page 1 again', async () => (await rowKeys(page)).length === 20);
    assert.deepEqual(await rowKeys(page), keys.slice(0, 20));
    await waitForText(byTest(page, 'page-indicator'), 'Page 1', 'the page indicator');
  });

  await step('a network failure is shown as network_error, and goes away on retry', async () => {
    await filter(page, prefix);
    await page.route('**/api/data?**', (route) => route.abort('connectionrefused'));
    await byTest(page, 'refresh-button').click();
    await waitForText(byTest(page, 'list-error'), 'network_error', 'the list error');
    await page.unroute('**/api/data?**');
    await byTest(page, 'refresh-button').click();
    await byTest(page, 'list-error').waitFor({ state: 'hidden' });
    await row(page, card).waitFor();
  });

  await step('narrow screen (390 px): no horizontal scrolling → ui-mobile.png', async () => {
    await byTest(page, 'doc-list').waitFor({ state: 'attached' });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await page.screenshot({ path: join(outputDir, 'ui-mobile.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('no script errors in the page', async () => {
    assert.deepEqual(pageErrors, []);
  });
} catch (err) {
  if (err instanceof Stop) {
    stopped = true;
    console.log(`  ${err.message}`);
  } else {
    failed++;
    console.log(`  FAIL  ${err?.stack ?? err}`);
  }
} finally {
  // Remove everything this run wrote.
  try {
    if (stopped) throw new Error('no server');
    const left = await api('GET', `api/data?prefix=${encodeURIComponent(prefix)}`);
    for (const { key } of left.body ?? []) await api('DELETE', docPath(key));
  } catch (err) {
    if (!stopped) console.log(`  (cleanup failed: ${err.message})`);
  }
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}

console.log(`browser test: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
