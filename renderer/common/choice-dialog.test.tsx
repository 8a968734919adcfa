// @vitest-environment jsdom
// A question dialog is announced by its title and text, opens on its default answer, keeps a risky answer
// apart, and cannot be answered twice while an answer is being carried out.
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChoiceDialog } from './choice-dialog';
import { fakeMain, mount } from './site-data/site-data-testing';

// jsdom's <dialog> does not move focus on opening; a browser's does (to the element marked autofocus, else the
// first button), after React has focused anything. This stand-in does what the browser does.
const proto = HTMLDialogElement.prototype as { showModal?: () => void };
const ownShowModal = proto.showModal;
beforeAll(() => {
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
    (this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>('button'))?.focus();
  };
});
afterAll(() => {
  proto.showModal = ownShowModal;
});

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

async function show(busy = false) {
  const chosen: string[] = [];
  const view = await mount(
    fakeMain(),
    <ChoiceDialog
      title="Send anyway?"
      onClose={() => chosen.push('close')}
      busy={busy}
      choices={[
        { label: 'Cancel', onChoose: () => chosen.push('cancel'), ghost: true, apart: true },
        { label: 'Send anyway', onChoose: () => chosen.push('anyway') },
        { label: 'Add sign-off', onChoose: () => chosen.push('add'), primary: true },
      ]}
    >
      <p>Two commits lack a sign-off.</p>
    </ChoiceDialog>,
  );
  mounted.push(view);
  const dialog = view.container.querySelector('dialog')!;
  const buttons = [...dialog.querySelectorAll('button')];
  return { dialog, buttons, chosen };
}

describe('ChoiceDialog', () => {
  it('is an alert dialog named by its title and described by its text', async () => {
    const { dialog } = await show();
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Send anyway?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe('Two commits lack a sign-off.');
  });

  it('shows the answers in order, focuses the default one, and sets the quiet one apart', async () => {
    const { dialog, buttons, chosen } = await show();
    expect(buttons.map((b) => b.textContent)).toEqual(['Cancel', 'Send anyway', 'Add sign-off']);
    expect(buttons.map((b) => b.className)).toEqual(['button ghost', 'button', 'button primary']);
    expect(document.activeElement).toBe(buttons[2]);
    expect(dialog.querySelector('.modal-actions')!.children[1]!.className).toBe('modal-actions-gap');
    await act(async () => buttons[1]!.click());
    expect(chosen).toEqual(['anyway']);
  });

  it('disables every answer while one is being carried out', async () => {
    const { buttons } = await show(true);
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });
});
