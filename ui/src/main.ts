// Ferry's web UI: wires the document list and the form together.

import './style.css';
import { countDocuments } from './api';
import { byTestId } from './dom';
import { Editor } from './editor';
import { DocumentList } from './list';

const count = byTestId('doc-count');

/** The store's entry count in the header; a failure only hides it. */
async function refreshCount(): Promise<void> {
  try {
    const n = await countDocuments();
    count.textContent = Number.isFinite(n) ? `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'} in the store` : '';
  } catch {
    count.textContent = '';
  }
}

const list: DocumentList = new DocumentList({
  edit: (key) => void editor.edit(key),
  deleted: (key) => editor.forget(key),
  loaded: () => void refreshCount(),
});

const editor: Editor = new Editor({
  saved: () => void list.reload(),
  editing: (key) => list.select(key),
});

void list.reload().then(() => {
  document.body.dataset.ready = 'true';
});
