// Small DOM helpers shared by the views.

import { ApiError } from './api';

/** The element with this id, which index.html must have. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

/** The element with this data-testid, which index.html must have. */
export function byTestId<T extends HTMLElement>(testId: string): T {
  const el = document.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`index.html has no [data-testid="${testId}"]`);
  return el;
}

/** Creates an element with a class and text; children are appended as given. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; testId?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.testId) el.dataset.testid = props.testId;
  el.append(...children);
  return el;
}

/** Shows an error in an alert box, or hides the box when `error` is null. */
export function showError(box: HTMLElement, error: unknown): void {
  box.replaceChildren();
  if (error === null) {
    box.hidden = true;
    return;
  }
  if (error instanceof ApiError) {
    box.dataset.code = error.code;
    const status = error.status > 0 ? `${error.status} ` : '';
    box.append(h('strong', { className: 'alert-code', text: `${status}${error.code}` }), ' ', error.message);
  } else {
    delete box.dataset.code;
    box.append(error instanceof Error ? error.message : String(error));
  }
  box.hidden = false;
}

let statusTimer: number | undefined;

/** Announces a short message in the polite live region (shown as a toast). */
export function announce(message: string, tone: 'ok' | 'error' = 'ok'): void {
  const status = byId('status');
  status.textContent = message;
  status.dataset.tone = tone;
  status.classList.add('visible');
  window.clearTimeout(statusTimer);
  statusTimer = window.setTimeout(() => status.classList.remove('visible'), 5000);
}
