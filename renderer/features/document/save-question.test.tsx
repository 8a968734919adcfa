// @vitest-environment jsdom
// Saving a post whose front matter cannot be read asks first, naming the line and the problem in the interface
// language: "Save anyway" saves, "Keep editing" (the default, and Escape) does not.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { readFrontMatterBlock } from '../../../shared/front-matter/read-block';
import { I18nProvider } from '../../i18n/i18n-context';
import type { Language } from '../../i18n/translate';
import { UnsavedDialog } from './unsaved-dialog';
import type { PendingClose, Workspace } from './use-document-workspace';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const dialog = globalThis.HTMLDialogElement?.prototype as { showModal?: () => void; close?: () => void } | undefined;
if (dialog && typeof dialog.showModal !== 'function') dialog.showModal = function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
if (dialog && typeof dialog.close !== 'function') dialog.close = function (this: HTMLDialogElement) { this.removeAttribute('open'); };

async function ask(language: Language) {
  const answers: string[] = [];
  const problem = readFrontMatterBlock('---\nlayout: post\ntitle: A\ntags: [a, b\ncategory: x\n---\nBody\n').problems[0];
  const pending: PendingClose = { kind: 'front-matter', path: 'a.md', problem, resolve: () => undefined };
  const workspace = { snapshot: { tabs: [], active: 'a.md' }, answer: async (c: string) => void answers.push(c) } as unknown as Workspace;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider language={language}>
        <UnsavedDialog workspace={workspace} pending={pending} />
      </I18nProvider>,
    ),
  );
  const buttons = [...container.querySelectorAll('button')];
  return { container, answers, buttons, done: () => act(async () => root.unmount()) };
}

describe('the save question', () => {
  it('names the line and the problem in English, with Save anyway and Keep editing', async () => {
    const q = await ask('en');
    expect(q.container.textContent).toContain('The front matter has a problem on line 4: A list opened with [ is not closed with ].');
    expect(q.buttons.map((b) => b.textContent)).toEqual(['Keep editing', 'Save anyway']);
    await act(async () => q.buttons[1].click());
    await act(async () => q.buttons[0].click());
    expect(q.answers).toEqual(['save', 'cancel']);
    await q.done();
  });

  it('asks in German', async () => {
    const q = await ask('de');
    expect(q.container.textContent).toContain('Das Front Matter hat in Zeile 4 ein Problem: Eine mit [ begonnene Liste wird nicht mit ] geschlossen.');
    expect(q.buttons.map((b) => b.textContent)).toEqual(['Weiter bearbeiten', 'Trotzdem speichern']);
    await q.done();
  });
});
