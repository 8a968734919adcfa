// @vitest-environment jsdom
// A menu button opens on a click with its first item focused, moves with the arrow keys, runs an item once and gives
// focus back to the button, closes on Escape, and stays shut while unavailable.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MenuButton } from './menu-button';
import { fakeMain, mount } from './site-data/site-data-testing';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

async function show(disabled = false) {
  const ran: string[] = [];
  const view = await mount(
    fakeMain(),
    <MenuButton
      label="Export"
      menuLabel="Export the post"
      disabled={disabled}
      disabledHint="Open a post first"
      items={[
        { id: 'pdf', label: 'PDF…', run: () => ran.push('pdf') },
        { id: 'html', label: 'HTML…', run: () => ran.push('html') },
        { id: 'print', label: 'Print…', shortcut: 'Ctrl+P', run: () => ran.push('print') },
      ]}
    />,
  );
  mounted.push(view);
  const button = view.container.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
  const key = async (k: string) => act(async () => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
  return { view, button, ran, key, items: () => [...view.container.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')] };
}

describe('MenuButton', () => {
  it('opens with the first item focused and moves with the arrows, wrapping round', async () => {
    const { button, items, key } = await show();
    await act(async () => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe('PDF…');
    await key('ArrowUp');
    expect(document.activeElement?.textContent).toBe('Print…Ctrl+P');
    await key('Home');
    await key('ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
  });

  it('runs the chosen item once, closes, and puts focus back on the button', async () => {
    const { button, items, ran } = await show();
    await act(async () => button.click());
    await act(async () => items()[1].click());
    expect(ran).toEqual(['html']);
    expect(items()).toHaveLength(0);
    expect(document.activeElement).toBe(button);
  });

  it('closes on Escape without running anything', async () => {
    const { button, items, ran, key } = await show();
    await act(async () => button.click());
    await key('Escape');
    expect(items()).toHaveLength(0);
    expect(ran).toEqual([]);
    expect(document.activeElement).toBe(button);
  });

  it('stays shut while unavailable and says why', async () => {
    const { button, items } = await show(true);
    await act(async () => button.click());
    expect(items()).toHaveLength(0);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.title).toBe('Open a post first');
  });
});
