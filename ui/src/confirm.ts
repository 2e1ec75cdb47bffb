// The delete confirmation: a modal <dialog> (focus trapped, Escape cancels).

import { byId, byTestId } from './dom';

/** Asks whether to delete `key`; resolves true only when the user chose "Delete". */
export function confirmDelete(key: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm');
  byTestId('confirm-key').textContent = key;
  dialog.returnValue = 'cancel';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'delete'), { once: true });
  });
}
