import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('offers reload and developer tools only when running from source', () => {
    const dev = roles(buildMenuTemplate({ isMac: false, isDev: true, appName: 'Pressroom' }));
    const packaged = roles(buildMenuTemplate({ isMac: false, isDev: false, appName: 'Pressroom' }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'togglefullscreen', 'about']));
  });

  it('has the macOS app menu only on macOS, and only the export, print and figure commands with their own click handlers', () => {
    const mac = buildMenuTemplate({ isMac: true, isDev: false, appName: 'Pressroom' });
    const linux = buildMenuTemplate({ isMac: false, isDev: false, appName: 'Pressroom' });
    expect(mac[0].label).toBe('Pressroom');
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Insert', 'View', 'help']);
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    expect(all(linux).filter((i) => i.click).map((i) => i.label)).toEqual(['Export as PDF…', 'Export as HTML…', 'Print…', 'Figure…']);
  });

  it('File › Export as PDF…, Export as HTML… and Print… (shown with Ctrl/Cmd+P) hand their commands to the window', () => {
    const sent: string[] = [];
    for (const isMac of [false, true]) {
      const template = buildMenuTemplate({ isMac, isDev: false, appName: 'Pressroom', onCommand: (c) => sent.push(c) });
      const file = template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
      const labelled = file.filter((i) => i.label);
      expect(labelled.map((i) => i.label)).toEqual(['Export as PDF…', 'Export as HTML…', 'Print…']);
      for (const item of labelled) (item.click as () => void)();
      const print = labelled[2];
      expect(print.accelerator).toBe('CmdOrCtrl+P');
      // The window's own key handler prints the post; a registered accelerator would take the key from open dialogs.
      expect(print.registerAccelerator).toBe(false);
      expect(file.at(-1)?.role).toBe(isMac ? 'close' : 'quit');
    }
    expect(sent).toEqual(['export.pdf', 'export.html', 'print', 'export.pdf', 'export.html', 'print']);
  });

  it('Insert › Figure… hands the figure command to the window', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate({ isMac: false, isDev: false, appName: 'Pressroom', onCommand: (c) => sent.push(c) });
    const insert = template.find((m) => m.label === 'Insert')!;
    const figure = (insert.submenu as MenuItemConstructorOptions[])[0];
    (figure.click as () => void)();
    expect(sent).toEqual(['figure.insert']);
  });
});
