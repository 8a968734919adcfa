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

  it('has the macOS app menu only on macOS, and only Insert › Figure… with its own click handler', () => {
    const mac = buildMenuTemplate({ isMac: true, isDev: false, appName: 'Pressroom' });
    const linux = buildMenuTemplate({ isMac: false, isDev: false, appName: 'Pressroom' });
    expect(mac[0].label).toBe('Pressroom');
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Insert', 'View', 'help']);
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    expect(all(linux).filter((i) => i.click).map((i) => i.label)).toEqual(['Figure…']);
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
