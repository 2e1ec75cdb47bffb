// The document form: add (POST) or edit (PUT) one document, as raw JSON or as a card
// (`{"title": ..., "description": ...}`). JSON is checked with JSON.parse before anything is
// sent; everything else (key length, control characters, body size) is the server's to judge,
// and its `{"error","message"}` answer is shown as is.

import { type Json, getDocument, saveDocument, unaddressableKey } from './api';
import { announce, byId, byTestId, showError } from './dom';
import { asCard, utf8Length } from './preview';

type Mode = 'json' | 'card';

export interface EditorEvents {
  /** `key` was stored. */
  saved(key: string): void;
  /** Editing of `key` started, or stopped (null). */
  editing(key: string | null): void;
}

const MAX_KEY_BYTES = 1024;

export class Editor {
  /** The key being edited, or null when adding. */
  private editing: string | null = null;
  private busy = false;

  private readonly form = byId<HTMLFormElement>('doc-form');
  private readonly title = byTestId('editor-title');
  private readonly keyInput = byId<HTMLInputElement>('doc-key');
  private readonly keyBytes = byTestId('key-bytes');
  private readonly jsonInput = byId<HTMLTextAreaElement>('doc-json');
  private readonly titleInput = byId<HTMLInputElement>('doc-title');
  private readonly descriptionInput = byId<HTMLTextAreaElement>('doc-description');
  private readonly jsonFields = byId('json-fields');
  private readonly cardFields = byId('card-fields');
  private readonly errorEl = byTestId('form-error');
  private readonly saveBtn = byTestId<HTMLButtonElement>('save-button');
  private readonly formatBtn = byId<HTMLButtonElement>('format-button');
  private readonly resetBtn = byId<HTMLButtonElement>('reset-button');

  constructor(private readonly events: EditorEvents) {
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    this.form.addEventListener('change', (e) => {
      const target = e.target as HTMLInputElement;
      if (target.name === 'mode') this.switchMode(target.value as Mode);
    });
    this.keyInput.addEventListener('input', () => this.countKey());
    this.formatBtn.addEventListener('click', () => this.format());
    this.resetBtn.addEventListener('click', () => {
      const was = this.editing;
      this.reset();
      if (was !== null) announce(`Stopped editing “${was}”.`);
      this.keyInput.focus();
    });
    this.countKey();
  }

  /** Loads `key` from the server into the form. */
  async edit(key: string): Promise<void> {
    showError(this.errorEl, null);
    let value: Json;
    try {
      value = await getDocument(key);
    } catch (err) {
      showError(this.errorEl, err);
      return;
    }
    this.editing = key;
    this.keyInput.value = key;
    this.keyInput.readOnly = true;
    this.countKey();
    const card = asCard(value);
    if (card) {
      this.titleInput.value = card.title;
      this.descriptionInput.value = card.description;
      this.jsonInput.value = '';
    } else {
      this.jsonInput.value = JSON.stringify(value, null, 2);
    }
    this.setMode(card ? 'card' : 'json');
    this.title.textContent = 'Edit document';
    this.saveBtn.textContent = 'Save changes';
    this.resetBtn.textContent = 'Cancel';
    this.form.classList.add('editing');
    this.events.editing(key);
    (card ? this.titleInput : this.jsonInput).focus();
    announce(`Editing “${key}”.`);
  }

  /** `key` was deleted elsewhere: stop editing it. */
  forget(key: string): void {
    if (this.editing === key) this.reset();
  }

  /** Back to an empty "add" form. */
  reset(): void {
    this.editing = null;
    this.form.reset();
    this.keyInput.readOnly = false;
    this.setMode('json');
    this.countKey();
    showError(this.errorEl, null);
    this.title.textContent = 'Add a document';
    this.saveBtn.textContent = 'Add document';
    this.resetBtn.textContent = 'Clear';
    this.form.classList.remove('editing');
    this.events.editing(null);
  }

  private async save(): Promise<void> {
    if (this.busy) return;
    const key = this.keyInput.value;
    const keyProblem = unaddressableKey(key);
    if (keyProblem) {
      this.invalid(keyProblem, this.keyInput);
      return;
    }
    const body = this.body();
    if (body === null) return;

    this.busy = true;
    this.saveBtn.disabled = true;
    this.form.setAttribute('aria-busy', 'true');
    try {
      const wasEditing = this.editing !== null;
      const created = await saveDocument(key, body, wasEditing ? 'PUT' : 'POST');
      if (wasEditing) announce(created ? `Saved “${key}” (it had been deleted, so it was created again).` : `Saved “${key}”.`);
      else announce(created ? `Added “${key}”.` : `Replaced the existing document “${key}”.`);
      this.reset();
      this.events.saved(key);
      this.keyInput.focus();
    } catch (err) {
      showError(this.errorEl, err);
      announce('The document was not saved.', 'error');
    } finally {
      this.busy = false;
      this.saveBtn.disabled = false;
      this.form.removeAttribute('aria-busy');
    }
  }

  /** The JSON text to send, or null after showing why there is none. */
  private body(): string | null {
    if (this.mode() === 'card') {
      const title = this.titleInput.value.trim();
      if (!title) return this.invalid('Enter a title for the card.', this.titleInput);
      return JSON.stringify({ title, description: this.descriptionInput.value });
    }
    const text = this.jsonInput.value;
    if (!text.trim()) return this.invalid('Enter a JSON value, for example {"name": "Ada"} or "text".', this.jsonInput);
    try {
      JSON.parse(text);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return this.invalid(`The value is not valid JSON: ${detail}`, this.jsonInput);
    }
    return text;
  }

  private invalid(message: string, field: HTMLInputElement | HTMLTextAreaElement): null {
    showError(this.errorEl, new Error(message));
    this.errorEl.dataset.code = 'client_validation';
    field.setAttribute('aria-invalid', 'true');
    field.addEventListener('input', () => field.removeAttribute('aria-invalid'), { once: true });
    field.focus();
    return null;
  }

  private format(): void {
    try {
      this.jsonInput.value = JSON.stringify(JSON.parse(this.jsonInput.value), null, 2);
      showError(this.errorEl, null);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.invalid(`The value is not valid JSON: ${detail}`, this.jsonInput);
    }
  }

  private mode(): Mode {
    return this.form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value === 'card' ? 'card' : 'json';
  }

  /** The user switched modes: carry the value over when it fits the other form. */
  private switchMode(mode: Mode): void {
    if (mode === 'json') {
      const title = this.titleInput.value;
      const description = this.descriptionInput.value;
      if (title || description) this.jsonInput.value = JSON.stringify({ title, description }, null, 2);
    } else {
      try {
        const card = asCard(JSON.parse(this.jsonInput.value) as Json);
        if (card) {
          this.titleInput.value = card.title;
          this.descriptionInput.value = card.description;
        }
      } catch {
        // Not JSON yet: the card starts empty and the JSON text stays for a switch back.
      }
    }
    this.setMode(mode);
    showError(this.errorEl, null);
  }

  private setMode(mode: Mode): void {
    const radio = this.form.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`);
    if (radio) radio.checked = true;
    this.jsonFields.hidden = mode !== 'json';
    this.cardFields.hidden = mode !== 'card';
  }

  private countKey(): void {
    const bytes = utf8Length(this.keyInput.value);
    this.keyBytes.textContent = `${bytes} / ${MAX_KEY_BYTES} bytes`;
    this.keyBytes.classList.toggle('over', bytes > MAX_KEY_BYTES);
  }
}
