// The Ferry HTTP API (docs/http-api.md), as the UI uses it. Every URL is relative to the page,
// so the UI talks to the server that served it (same origin) and never to a fixed host.

/** A JSON value as parsed by `JSON.parse`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One document of a listing. */
export interface Entry {
  key: string;
  value: Json;
}

/** One page of `GET /api/data`. */
export interface Page {
  entries: Entry[];
  /** Set when the server reached `limit` (`X-Next-After`): there may be more after `entries`. */
  more: boolean;
}

export interface ListQuery {
  prefix?: string;
  after?: string;
  limit?: number;
}

/**
 * A failed request. `status` is the HTTP status (0 when the server could not be reached),
 * `code` the API's error code (`invalid_key`, …, or `network_error`), `message` the server's
 * human-readable message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** "400 invalid_key: key is longer than 1024 bytes" */
  describe(): string {
    const status = this.status > 0 ? `${this.status} ` : '';
    return `${status}${this.code}: ${this.message}`;
  }
}

const DATA = 'api/data';

/** The URL of one document: the key is one percent-encoded path segment. */
export function documentUrl(key: string): string {
  return `${DATA}/${encodeURIComponent(key)}`;
}

/**
 * Why a key cannot be sent, or null. The server checks the real limits (1..1024 bytes, no
 * control characters); this only catches keys that no URL can carry: the empty key, and
 * `.`/`..`, which every URL parser removes as dot segments.
 */
export function unaddressableKey(key: string): string | null {
  if (key === '') return 'Enter a key.';
  if (key === '.' || key === '..') return `The key "${key}" cannot be used in a URL.`;
  return null;
}

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ApiError(0, 'network_error', `Could not reach the server (${detail}).`);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** Turns an error response into an ApiError, whatever its body. */
async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const { error, message } = body as { error: unknown; message?: unknown };
      return new ApiError(response.status, String(error), typeof message === 'string' ? message : '');
    }
  } catch {
    // Not JSON: fall through and show what came back.
  }
  const snippet = text.trim().slice(0, 200) || response.statusText || 'no details';
  return new ApiError(response.status, 'http_error', snippet);
}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'The connection closed before the whole response arrived.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent a response that is not JSON.');
  }
}

/** `GET /api/data?prefix&after&limit`: one page of documents in key order. */
export async function listDocuments(query: ListQuery, signal?: AbortSignal): Promise<Page> {
  const params = new URLSearchParams();
  if (query.prefix) params.set('prefix', query.prefix);
  if (query.after !== undefined) params.set('after', query.after);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const qs = params.toString();
  const response = await request(qs ? `${DATA}?${qs}` : DATA, signal ? { signal } : {});
  const body = await readJson(response);
  if (!Array.isArray(body)) {
    throw new ApiError(response.status, 'bad_response', 'The server did not send a list of documents.');
  }
  return { entries: body as Entry[], more: response.headers.has('X-Next-After') };
}

/** `GET /api/data/{key}`: the stored document. */
export async function getDocument(key: string): Promise<Json> {
  return (await readJson(await request(documentUrl(key)))) as Json;
}

/**
 * Stores `json` (already-validated JSON text, sent as is) under `key`: POST to add, PUT to
 * replace. Returns whether the document is new.
 */
export async function saveDocument(key: string, json: string, method: 'POST' | 'PUT'): Promise<boolean> {
  const response = await request(documentUrl(key), {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: json,
  });
  const body = (await readJson(response)) as { created?: unknown };
  return body.created === true || response.status === 201;
}

/** `DELETE /api/data/{key}`. */
export async function deleteDocument(key: string): Promise<void> {
  await request(documentUrl(key), { method: 'DELETE' });
}

/** `GET /api/stats`: the number of documents. */
export async function countDocuments(): Promise<number> {
  const body = (await readJson(await request('api/stats'))) as { entries?: unknown };
  return typeof body.entries === 'number' ? body.entries : NaN;
}
