#!/usr/bin/env node
// An in-memory stand-in for Ferry.Server, implementing docs/http-api.md, so the UI and its
// browser test can run before (or without) the real server. It is a development tool only:
// the browser test's real target is dotnet/Ferry.Server.
//
//   node tests/mock-server.mjs [--port 8787] [--host 127.0.0.1] [--ui dist]
//                              [--cors-origin ORIGIN]... [--max-body-bytes 1048576]
//
// Prints "mock server: http://HOST:PORT" once listening (`--port 0` picks a free port).
// Also importable: `startMockServer(options)` resolves to { url, close() }.

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAX_KEY_BYTES = 1024;
const MAX_LIMIT = 10000;
const DEFAULT_UI = fileURLToPath(new URL('../dist', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

class HttpError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Keys compared as UTF-8 bytes, as the store does. */
function compareKeys(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function decodeKey(segment) {
  let key;
  try {
    key = decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'invalid_key', 'the key is not valid percent-encoded UTF-8');
  }
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes === 0) throw new HttpError(400, 'invalid_key', 'the key is empty');
  if (bytes > MAX_KEY_BYTES) {
    throw new HttpError(400, 'invalid_key', `the key is ${bytes} bytes long; the limit is ${MAX_KEY_BYTES}`);
  }
  if (/[\u0000-\u001f\u007f-\u009f]/.test(key)) {
    throw new HttpError(400, 'invalid_key', 'the key contains a control character');
  }
  return key;
}

function parseQuery(params) {
  const query = { prefix: params.get('prefix') ?? '', after: params.get('after'), limit: null, reverse: false };
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      throw new HttpError(400, 'invalid_query', `limit must be an integer from 1 to ${MAX_LIMIT}, not "${limit}"`);
    }
    query.limit = Number(limit);
  }
  const reverse = params.get('reverse');
  if (reverse !== null) {
    if (reverse !== 'true' && reverse !== 'false') {
      throw new HttpError(400, 'invalid_query', `reverse must be true or false, not "${reverse}"`);
    }
    query.reverse = reverse === 'true';
  }
  return query;
}

/**
 * A key for the X-Next-After header, encoded as Ferry.Server does: printable ASCII as is;
 * '%', space and every other UTF-8 byte percent-encoded, so decodeURIComponent(header) is the key.
 */
function headerSafe(key) {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    out += byte > 0x20 && byte < 0x7f && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function readBody(req, maxBytes) {
  return new Promise((resolvePromise, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new HttpError(413, 'payload_too_large', `the body is over ${maxBytes} bytes`));
      else resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function validJson(body) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid UTF-8');
  }
  try {
    JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'invalid_json', `the body is not valid JSON: ${err.message}`);
  }
  return text;
}

function openApi() {
  const error = { $ref: '#/components/schemas/Error' };
  const errors = {
    400: { description: 'Bad request', content: { 'application/json': { schema: error } } },
    404: { description: 'Not found', content: { 'application/json': { schema: error } } },
  };
  return {
    openapi: '3.0.3',
    info: { title: 'Ferry HTTP API (mock)', version: '0.1.0' },
    paths: {
      '/health': { get: { responses: { 200: { description: 'OK' } } } },
      '/api/data': {
        get: {
          parameters: ['prefix', 'after', 'limit', 'reverse'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: { description: 'The documents, in key order' }, ...errors },
        },
      },
      '/api/data/{key}': {
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
        get: { responses: { 200: { description: 'The document' }, ...errors } },
        post: { responses: { 200: { description: 'Replaced' }, 201: { description: 'Created' }, ...errors } },
        put: { responses: { 200: { description: 'Replaced' }, 201: { description: 'Created' }, ...errors } },
        delete: { responses: { 204: { description: 'Deleted' }, ...errors } },
      },
      '/api/stats': { get: { responses: { 200: { description: 'Store statistics' } } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  };
}

/** Starts the mock; resolves to { url, server, close() }. */
export function startMockServer({ port = 0, host = '127.0.0.1', ui = DEFAULT_UI, corsOrigins = [], maxBodyBytes = 1 << 20 } = {}) {
  /** key -> stored JSON text */
  const documents = new Map();
  const uiRoot = resolve(ui);

  function json(res, status, body, headers = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  function allowMethods(req, allowed) {
    if (!allowed.includes(req.method)) {
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here`, { Allow: allowed.join(', ') });
    }
  }

  function list(req, res, params) {
    allowMethods(req, ['GET']);
    const { prefix, after, limit, reverse } = parseQuery(params);
    let keys = [...documents.keys()].filter((k) => k.startsWith(prefix)).sort(compareKeys);
    if (reverse) keys.reverse();
    if (after !== null) keys = keys.filter((k) => (reverse ? compareKeys(k, after) < 0 : compareKeys(k, after) > 0));
    if (limit !== null) keys = keys.slice(0, limit);
    const headers = { 'Content-Type': 'application/json; charset=utf-8' };
    if (limit !== null && keys.length === limit) headers['X-Next-After'] = headerSafe(keys.at(-1));
    // Streamed like the real server: one chunk per document.
    res.writeHead(200, headers);
    res.write('[');
    keys.forEach((k, i) => res.write(`${i ? ',' : ''}{"key":${JSON.stringify(k)},"value":${documents.get(k)}}`));
    res.end(']');
  }

  async function document(req, res, segment) {
    allowMethods(req, ['GET', 'POST', 'PUT', 'DELETE']);
    const key = decodeKey(segment);
    if (req.method === 'GET') {
      if (!documents.has(key)) throw new HttpError(404, 'not_found', `no document with key "${key}"`);
      return json(res, 200, documents.get(key));
    }
    if (req.method === 'DELETE') {
      if (!documents.delete(key)) throw new HttpError(404, 'not_found', `no document with key "${key}"`);
      res.writeHead(204);
      return res.end();
    }
    const text = validJson(await readBody(req, maxBodyBytes));
    const created = !documents.has(key);
    documents.set(key, text);
    return json(res, created ? 201 : 200, { key, created });
  }

  function stats(req, res) {
    allowMethods(req, ['GET']);
    let size = 0;
    for (const [k, v] of documents) size += Buffer.byteLength(k) + Buffer.byteLength(v);
    json(res, 200, { entries: documents.size, trees: 1, sizeOnDisk: size });
  }

  function staticFile(req, res, pathname) {
    allowMethods(req, ['GET', 'HEAD']);
    let path;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(404, 'not_found', 'no such file');
    }
    let file = normalize(join(uiRoot, path));
    if (file !== uiRoot && !file.startsWith(uiRoot + sep)) throw new HttpError(404, 'not_found', 'no such file');
    let info = statSync(file, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = statSync(file, { throwIfNoEntry: false });
    }
    if (!info?.isFile()) {
      if (extname(path) !== '') throw new HttpError(404, 'not_found', `no file ${path}`);
      file = join(uiRoot, 'index.html');
      info = statSync(file, { throwIfNoEntry: false });
      if (!info?.isFile()) throw new HttpError(404, 'not_found', `no UI build at ${uiRoot} (run npm run build)`);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': cache });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  function cors(req, res) {
    const origin = req.headers.origin;
    if (!origin || corsOrigins.length === 0) return false;
    if (corsOrigins.includes('*')) res.setHeader('Access-Control-Allow-Origin', '*');
    else if (corsOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    } else return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
      res.end();
      return true;
    }
    return false;
  }

  async function handle(req, res) {
    if (cors(req, res)) return;
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (pathname === '/health') {
      allowMethods(req, ['GET']);
      return json(res, 200, { status: 'ok' });
    }
    if (pathname === '/api/data') return list(req, res, params);
    if (pathname.startsWith('/api/data/') && !pathname.slice(10).includes('/')) {
      return document(req, res, pathname.slice(10));
    }
    if (pathname === '/api/stats') return stats(req, res);
    if (pathname === '/api/openapi.json') {
      allowMethods(req, ['GET']);
      return json(res, 200, openApi());
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      throw new HttpError(404, 'not_found', `no route ${req.method} ${pathname}`);
    }
    return staticFile(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return json(res, err.status, { error: err.code, message: err.message }, err.headers);
      console.error('mock server: internal error:', err);
      json(res, 500, { error: 'internal', message: String(err?.message ?? err) });
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      resolvePromise({ url, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function parseArgs(argv) {
  const options = { port: 8787, corsOrigins: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--port') options.port = Number(next());
    else if (arg === '--host') options.host = next();
    else if (arg === '--ui') options.ui = next();
    else if (arg === '--cors-origin') options.corsOrigins.push(next());
    else if (arg === '--max-body-bytes') options.maxBodyBytes = Number(next());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node tests/mock-server.mjs [--port N] [--host H] [--ui DIR] [--cors-origin O]... [--max-body-bytes N]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`mock server: ${err.message}`);
    process.exit(2);
  }
  const { url } = await startMockServer(options);
  console.log(`mock server: ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}
