/** The row of open posts: each tab names its file, marks unsaved changes with ● and a file deleted on disk struck through (and says so to screen readers), and closes. */
import { type KeyboardEvent, useRef } from 'react';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import type { TabInfo } from './document-tabs';

/** Props: the tabs, which is shown, and what the user asks for. */
export interface TabBarProps {
  tabs: readonly TabInfo[];
  active: string | null;
  panelId: string;
  onActivate(path: string): void;
  onClose(path: string): void;
}

/** The file name shown on a tab; the folder is added when two open tabs share a name. */
export function tabNames(tabs: readonly TabInfo[]): Map<string, string> {
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const counts = new Map<string, number>();
  for (const tab of tabs) counts.set(base(tab.path), (counts.get(base(tab.path)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const tab of tabs) {
    const name = base(tab.path);
    const folder = tab.path.split('/').slice(0, -1).find((part) => /^[a-z]{2}(?:-[A-Z]{2})?$/.test(part)) ?? tab.path.split('/').slice(-2, -1)[0];
    names.set(tab.path, (counts.get(name) ?? 0) > 1 && folder ? `${name} (${folder})` : name);
  }
  return names;
}

/** A tablist with arrow-key movement between tabs and a close button beside each. */
export function TabBar({ tabs, active, panelId, onActivate, onClose }: TabBarProps) {
  const { t } = useI18n();
  const names = tabNames(tabs);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    const index = tabs.findIndex((tab) => tab.path === active);
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = tabs.length - 1;
    e.preventDefault();
    onActivate(tabs[next].path);
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus());
  };

  return (
    <div className="tab-bar" role="tablist" aria-label={t('tabs.label')} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const name = names.get(tab.path) ?? tab.path;
        const selected = tab.path === active;
        const removed = tab.disk?.kind === 'removed';
        return (
          <div key={tab.path} role="presentation" className={`tab ${selected ? 'tab-active' : ''} ${tab.dirty ? 'tab-dirty' : ''} ${removed ? 'tab-removed' : ''}`} title={tab.path}>
            <button
              type="button"
              role="tab"
              className="tab-label"
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              aria-label={removed ? t('tabs.removed', { name }) : tab.dirty ? t('tabs.unsaved', { name }) : name}
              onClick={() => onActivate(tab.path)}
              onAuxClick={(e) => {
                if (e.button === 1) onClose(tab.path);
              }}
            >
              <span className="tab-name">{name}</span>
              {tab.dirty ? (
                <span className="tab-unsaved" aria-hidden="true">
                  ●
                </span>
              ) : null}
            </button>
            <button type="button" className="tab-close" aria-label={t('tabs.close', { name })} title={t('tabs.close', { name })} onClick={() => onClose(tab.path)}>
              <Icon name="close" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
