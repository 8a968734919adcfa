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

/** The file name shown on a tab; when two open tabs share a name, the language goes first (a translation) or the folder after. */
export function tabNames(tabs: readonly TabInfo[]): Map<string, string> {
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const counts = new Map<string, number>();
  for (const tab of tabs) counts.set(base(tab.path), (counts.get(base(tab.path)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const tab of tabs) {
    const name = base(tab.path);
    if ((counts.get(name) ?? 0) < 2) {
      names.set(tab.path, name);
      continue;
    }
    // A release and its translation share a file name: the language goes first, where a narrow tab still shows it.
    const language = tab.path.split('/').slice(0, -1).find((part) => /^[a-z]{2}(?:-[A-Z]{2})?$/.test(part));
    const folder = tab.path.split('/').slice(-2, -1)[0];
    names.set(tab.path, language ? `${language.toUpperCase()} · ${name}` : folder ? `${name} (${folder})` : name);
  }
  return names;
}

/**
 * A tablist whose only children are the tabs (ARIA allows nothing else in a tablist), with arrow-key movement
 * and Delete to close. Each tab's close button follows the tablist in the DOM, so it stays a named button for
 * screen readers and voice control, and is drawn beside its tab by flex `order`; only the active tab's close
 * button is in the Tab order, right after the active tab.
 */
export function TabBar({ tabs, active, panelId, onActivate, onClose }: TabBarProps) {
  const { t } = useI18n();
  const names = tabNames(tabs);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.path === active);
    if (e.key === 'Delete' && index !== -1) {
      e.preventDefault();
      onClose(tabs[index].path);
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = tabs.length - 1;
    e.preventDefault();
    onActivate(tabs[next].path);
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus());
  };

  const states = tabs.map((tab) => {
    const selected = tab.path === active;
    const removed = tab.disk?.kind === 'removed';
    const marks = `${selected ? 'tab-active' : ''} ${tab.dirty ? 'tab-dirty' : ''} ${removed ? 'tab-removed' : ''}`;
    return { tab, name: names.get(tab.path) ?? tab.path, selected, removed, marks };
  });

  return (
    <div className="tab-bar">
      <div className="tab-list" role="tablist" aria-label={t('tabs.label')} ref={list} onKeyDown={onKeyDown}>
        {states.map(({ tab, name, selected, removed, marks }, i) => (
          <button
            key={tab.path}
            type="button"
            role="tab"
            className={`tab ${marks}`}
            style={{ order: 2 * i }}
            title={tab.path}
            aria-selected={selected}
            aria-controls={selected ? panelId : undefined}
            aria-keyshortcuts="Delete"
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
        ))}
      </div>
      {states.map(({ tab, name, selected, marks }, i) => (
        <button
          key={tab.path}
          type="button"
          className={`tab-close ${marks}`}
          style={{ order: 2 * i + 1 }}
          tabIndex={selected ? 0 : -1}
          aria-label={t('tabs.close', { name })}
          title={t('tabs.close', { name })}
          onClick={() => onClose(tab.path)}
        >
          <span className="tab-close-box">
            <Icon name="close" />
          </span>
        </button>
      ))}
    </div>
  );
}
