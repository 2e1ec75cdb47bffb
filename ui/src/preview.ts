// Compact, one-line previews of JSON values for the document list.

import type { Json } from './api';

const MAX_PREVIEW = 140;

/** Compact JSON on one line, cut at `max` characters with an ellipsis. */
export function preview(value: Json, max = MAX_PREVIEW): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "object · 3 fields", "array · 2 items", "string", … */
export function kind(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array · ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return `object · ${n} ${n === 1 ? 'field' : 'fields'}`;
  }
  return typeof value;
}

/** A card (`{"title": "...", "description": "..."}`, both strings, nothing else), or null. */
export function asCard(value: Json): { title: string; description: string } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !('title' in value) || !('description' in value)) return null;
  const { title, description } = value;
  return typeof title === 'string' && typeof description === 'string' ? { title, description } : null;
}

/** Byte length of a string as UTF-8 (the unit of the server's key limit). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
