/**
 * Closing the window, quitting, or reloading with unsaved work asks first. The renderer refuses the unload
 * (`beforeunload`, the same guard browser mode uses) while anything is unsaved; Electron then sends
 * `will-prevent-unload` here instead of a dialog, and this asks natively. Leaving anyway lets the unload go
 * on (the recovery store still holds the text); Cancel keeps the window, and a quit is called off with it.
 */
import type { MessageBoxSyncOptions } from 'electron';

/** The options of the question, in one place so the test and the dialog agree. */
export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Close Without Saving', 'Cancel'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: 'Pressroom',
  message: 'You have unsaved changes.',
  detail: 'Close anyway and lose the changes that are not saved, or cancel and save them first.',
};

/** The part of a webContents the guard listens on. */
export interface UnloadSource {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Asks `confirmLeave` (synchronously, as Electron needs the answer before the event returns) whenever the page
 * refused to unload; true means leave, and the refusal is overridden.
 */
export function guardUnload(contents: UnloadSource, confirmLeave: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (confirmLeave()) event.preventDefault();
  });
}
