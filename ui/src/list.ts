// The document list: prefix filter, pages of PAGE_SIZE keys, edit and delete actions.
//
// Paging is keyset paging on the API: a page is `limit=PAGE_SIZE` documents `after` a key.
// "Next" asks for the documents after the last key of this page (the server says there may be
// more with `X-Next-After`); "Previous" pops the `after` of the page before from a stack.

import { type Entry, deleteDocument, listDocuments } from './api';
import { confirmDelete } from './confirm';
import { announce, byId, byTestId, h, showError } from './dom';
import { kind, preview } from './preview';

export const PAGE_SIZE = 20;

export interface ListEvents {
  /** The user asked to edit `key`. */
  edit(key: string): void;
  /** `key` was deleted. */
  deleted(key: string): void;
  /** A page was loaded (to refresh the document count). */
  loaded(): void;
}

export class DocumentList {
  private prefix = '';
  /** `after` of the page shown (undefined: the first page). */
  private after: string | undefined;
  /** `after` of every page before this one, oldest first. */
  private readonly stack: (string | undefined)[] = [];
  private entries: Entry[] = [];
  private more = false;
  private selected: string | null = null;
  private controller: AbortController | null = null;

  private readonly listEl = byId<HTMLUListElement>('docs');
  private readonly emptyEl = byTestId('empty');
  private readonly errorEl = byTestId('list-error');
  private readonly prevBtn = byId<HTMLButtonElement>('prev');
  private readonly nextBtn = byId<HTMLButtonElement>('next');
  private readonly pageEl = byTestId('page-indicator');
  private readonly prefixInput = byId<HTMLInputElement>('filter-prefix');

  constructor(private readonly events: ListEvents) {
    let typing: number | undefined;
    byId<HTMLFormElement>('filter-form').addEventListener('submit', (e) => {
      e.preventDefault();
      window.clearTimeout(typing);
      this.filter(this.prefixInput.value);
    });
    // Filter as the user types, once they pause.
    this.prefixInput.addEventListener('input', () => {
      window.clearTimeout(typing);
      typing = window.setTimeout(() => this.filter(this.prefixInput.value), 250);
    });
    byId('filter-clear').addEventListener('click', () => {
      window.clearTimeout(typing);
      this.prefixInput.value = '';
      this.filter('');
      this.prefixInput.focus();
    });
    byId('refresh').addEventListener('click', () => void this.reload());
    this.prevBtn.addEventListener('click', () => void this.previous());
    this.nextBtn.addEventListener('click', () => void this.next());
    this.listEl.addEventListener('click', (e) => this.onClick(e));
  }

  /** Shows the first page of the documents whose keys start with `prefix`. */
  filter(prefix: string): void {
    if (prefix === this.prefix && this.after === undefined && this.stack.length === 0) {
      void this.reload();
      return;
    }
    this.prefix = prefix;
    this.after = undefined;
    this.stack.length = 0;
    void this.reload();
  }

  /** Marks the document being edited. */
  select(key: string | null): void {
    this.selected = key;
    for (const row of this.listEl.querySelectorAll<HTMLElement>('li.doc')) {
      row.classList.toggle('selected', row.dataset.key === key);
    }
  }

  /** Loads the page shown again (after a change). */
  async reload(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.listEl.setAttribute('aria-busy', 'true');
    try {
      const query = { prefix: this.prefix, limit: PAGE_SIZE, ...(this.after !== undefined && { after: this.after }) };
      const page = await listDocuments(query, controller.signal);
      if (controller.signal.aborted) return;
      // Deleting the last document of a later page leaves it empty: show the one before.
      if (page.entries.length === 0 && this.stack.length > 0) {
        this.after = this.stack.pop();
        return await this.reload();
      }
      this.entries = page.entries;
      this.more = page.more;
      showError(this.errorEl, null);
      this.events.loaded();
    } catch (err) {
      if (controller.signal.aborted) return;
      this.entries = [];
      this.more = false;
      showError(this.errorEl, err);
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.listEl.setAttribute('aria-busy', 'false');
      }
    }
    this.render();
  }

  private async next(): Promise<void> {
    const last = this.entries.at(-1);
    if (!this.more || !last) return;
    this.stack.push(this.after);
    this.after = last.key;
    await this.reload();
    this.prevBtn.focus();
  }

  private async previous(): Promise<void> {
    if (this.stack.length === 0) return;
    this.after = this.stack.pop();
    await this.reload();
    (this.prevBtn.disabled ? this.nextBtn : this.prevBtn).focus();
  }

  private render(): void {
    const rows = this.entries.map((entry) => this.row(entry));
    this.listEl.replaceChildren(...rows);
    const failed = !this.errorEl.hidden;
    this.emptyEl.hidden = failed || rows.length > 0;
    this.emptyEl.textContent = this.prefix
      ? `No documents with keys starting with “${this.prefix}”.`
      : 'No documents yet. Add one with the form.';
    this.prevBtn.disabled = this.stack.length === 0;
    this.nextBtn.disabled = !this.more;
    const page = this.stack.length + 1;
    const shown = rows.length === 1 ? '1 document' : `${rows.length} documents`;
    this.pageEl.textContent = `Page ${page} · ${shown}`;
  }

  private row(entry: Entry): HTMLLIElement {
    const key = h('code', { className: 'doc-key', text: entry.key, testId: 'doc-key' });
    key.title = entry.key;
    const head = h('div', { className: 'doc-head' }, key, h('span', { className: 'doc-kind', text: kind(entry.value) }));
    const text = h('code', { className: 'doc-preview', text: preview(entry.value), testId: 'doc-preview' });
    const edit = h('button', { className: 'small', testId: 'edit-button' }, 'Edit', hidden(` ${entry.key}`));
    edit.type = 'button';
    edit.dataset.action = 'edit';
    const del = h('button', { className: 'small danger-quiet', testId: 'delete-button' }, 'Delete', hidden(` ${entry.key}`));
    del.type = 'button';
    del.dataset.action = 'delete';
    const row = h(
      'li',
      { className: 'doc', testId: 'doc-row' },
      h('div', { className: 'doc-main' }, head, text),
      h('div', { className: 'doc-actions' }, edit, del),
    );
    row.dataset.key = entry.key;
    if (entry.key === this.selected) row.classList.add('selected');
    return row;
  }

  private onClick(e: MouseEvent): void {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const key = button?.closest<HTMLElement>('li.doc')?.dataset.key;
    if (!button || key === undefined) return;
    if (button.dataset.action === 'edit') this.events.edit(key);
    else void this.remove(key, button);
  }

  private async remove(key: string, button: HTMLButtonElement): Promise<void> {
    if (!(await confirmDelete(key))) {
      button.focus();
      return;
    }
    try {
      await deleteDocument(key);
      announce(`Deleted “${key}”.`);
      this.events.deleted(key);
    } catch (err) {
      showError(this.errorEl, err);
      announce(`Could not delete “${key}”.`, 'error');
      return;
    }
    await this.reload();
    this.prefixInput.focus();
  }
}

function hidden(text: string): HTMLSpanElement {
  return h('span', { className: 'visually-hidden', text });
}
