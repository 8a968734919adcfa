// @vitest-environment jsdom
// Committing as a user does: the button says why it cannot be pressed, the summary counts towards 72 characters,
// sign-off follows the setting and shows the exact line, Ctrl+Enter commits, the fields clear with a quiet
// confirmation, and a missing name and e-mail are asked for once, kept in the settings, and the commit goes on.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract/errors';
import type { Settings } from '../../../shared/contract/models';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { CommitBox } from './commit-box';
import { button, checkbox, SETTINGS, SITE, typeInto, withSettings } from './git-testing';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

const COMMITTED = { ok: true as const, value: { oid: 'abc1234', summary: 'x', authorName: 'E', authorEmail: 'e@x', date: '2026-01-01T00:00:00Z' } };

async function show(main: FakeMain, { included = 1, conflicts = 0, settings = SETTINGS }: { included?: number; conflicts?: number; settings?: Settings } = {}) {
  const seen = { committed: 0, errors: [] as AppError[] };
  const box = <CommitBox site={SITE.root} included={included} conflicts={conflicts} onCommitted={() => seen.committed++} onError={(e) => seen.errors.push(e)} />;
  const view = await mount(main, withSettings(box, settings));
  mounted.push(view);
  const summary = view.container.querySelector<HTMLInputElement>('.git-commit input.text-input')!;
  const description = view.container.querySelector<HTMLTextAreaElement>('textarea')!;
  const commitButton = () => button(view.container, 'Commit');
  const why = () => view.container.querySelector('.git-commit-why')?.textContent ?? null;
  return { view, seen, summary, description, commitButton, why };
}

describe('the commit box', () => {
  it('keeps Commit disabled with the reason beside it until a file is included and a summary written', async () => {
    const { summary, commitButton, why } = await show(fakeMain(), { included: 0 });
    expect(commitButton().disabled).toBe(true);
    expect(why()).toBe('Include at least one file first.');
    expect(document.getElementById(commitButton().getAttribute('aria-describedby')!)!.textContent).toBe('Include at least one file first.');
    await act(async () => typeInto(summary, 'Launch post'));
    expect(why()).toBe('Include at least one file first.');

    const other = await show(fakeMain(), { included: 2 });
    expect(other.why()).toBe('Write a summary first.');
    await act(async () => typeInto(other.summary, '   '));
    expect(other.commitButton().disabled).toBe(true);
    await act(async () => typeInto(other.summary, 'Launch post'));
    expect(other.commitButton().disabled).toBe(false);
    expect(other.why()).toBeNull();
  });

  it('counts the summary towards 72 characters and warns past them without stopping the user', async () => {
    const { view, summary, commitButton } = await show(fakeMain());
    const hint = () => view.container.querySelector('.git-summary-length')!;
    expect(hint().textContent).toBe('Short is best: up to 72 characters.');
    await act(async () => typeInto(summary, 'Fix typo'));
    expect(hint().textContent).toBe('8 of 72');
    await act(async () => typeInto(summary, 'x'.repeat(80)));
    expect(hint().textContent).toContain('80 of 72 – longer summaries are cut off');
    expect(hint().classList.contains('is-long')).toBe(true);
    expect(commitButton().disabled).toBe(false);
  });

  it('signs off as the setting says and shows the exact line it adds', async () => {
    const { view } = await show(fakeMain());
    const box = checkbox(view.container, 'Add sign-off');
    expect(box.checked).toBe(true);
    expect(view.container.querySelector('.git-commit-signoff-line')!.textContent).toBe('Adds the line: Signed-off-by: Erika Muster <erika@example.org>');
    const off = await show(fakeMain(), { settings: { ...SETTINGS, signOffCommits: false } });
    expect(checkbox(off.view.container, 'Add sign-off').checked).toBe(false);
  });

  it('commits with Ctrl+Enter, clears the fields and says quietly what was committed', async () => {
    const main = fakeMain({ 'git.commit': () => COMMITTED });
    const { view, seen, summary, description } = await show(main);
    await act(async () => {
      typeInto(summary, '  Launch post for May ');
      typeInto(description, 'With the new photo.\n');
    });
    await act(async () => description.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    await settle();
    expect(main.calls.find((c) => c.name === 'git.commit')!.args).toEqual({ site: SITE.root, summary: 'Launch post for May', description: 'With the new photo.', signOff: true });
    expect(summary.value).toBe('');
    expect(description.value).toBe('');
    expect(view.container.querySelector('[role="status"].git-committed')!.textContent).toBe('Committed “Launch post for May”');
    expect(seen.committed).toBe(1);
    await act(async () => typeInto(summary, 'N'));
    expect(view.container.querySelector('.git-committed')!.textContent).toBe('');
  });

  it('sends no description and no sign-off when the user leaves them out, and Ctrl+Enter does nothing while it cannot commit', async () => {
    const main = fakeMain({ 'git.commit': () => COMMITTED });
    const { view, summary } = await show(main);
    await act(async () => summary.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    expect(main.count('git.commit')).toBe(0);
    await act(async () => {
      typeInto(summary, 'Fix');
      checkbox(view.container, 'Add sign-off').click();
    });
    await act(async () => button(view.container, 'Commit').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'git.commit')!.args).toEqual({ site: SITE.root, summary: 'Fix', description: undefined, signOff: false });
  });

  it('hands other failures to the panel and keeps what was typed', async () => {
    const main = fakeMain({ 'git.commit': () => ({ ok: false, error: { code: 'nothing-staged', message: 'nothing' } }) });
    const { seen, summary } = await show(main);
    await act(async () => typeInto(summary, 'Fix'));
    await act(async () => button(document.body, 'Commit').click());
    await settle();
    expect(seen.errors.map((e) => e.code)).toEqual(['nothing-staged']);
    expect(summary.value).toBe('Fix');
  });

  it('asks once for name and e-mail when they are missing, keeps them in the settings, and commits then', async () => {
    let known = false;
    const main = fakeMain({
      'git.commit': () => (known ? COMMITTED : { ok: false, error: { code: 'identity-missing', message: 'no identity' } }),
      'settings.set': (args) => {
        known = true;
        return { ok: true, value: { ...SETTINGS, ...(args.patch as Partial<Settings>) } };
      },
    });
    const { view, seen, summary } = await show(main, { settings: { ...SETTINGS, authorName: '', authorEmail: '' } });
    expect(view.container.querySelector('.git-commit-signoff-line')!.textContent).toContain('the name and e-mail address your commits are made with');
    await act(async () => typeInto(summary, 'First post'));
    await act(async () => button(view.container, 'Commit').click());
    await settle();
    const dialog = document.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Who is making this commit?');
    const [name, email] = [...dialog.querySelectorAll<HTMLInputElement>('input')];
    const save = button(view.container, 'Save and commit');
    expect(save.disabled).toBe(true);
    await act(async () => {
      typeInto(name, 'Erika Muster');
      typeInto(email, 'erika.example.org');
      email.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(dialog.textContent).toContain('Please enter an e-mail address');
    expect(save.disabled).toBe(true);
    await act(async () => typeInto(email, 'erika@example.org'));
    await act(async () => save.click());
    await settle();
    expect(main.calls.find((c) => c.name === 'settings.set')!.args).toEqual({ patch: { authorName: 'Erika Muster', authorEmail: 'erika@example.org' } });
    expect(main.count('git.commit')).toBe(2);
    expect(document.querySelector('dialog')).toBeNull();
    expect(seen.committed).toBe(1);
    expect(view.container.querySelector('.git-committed')!.textContent).toBe('Committed “First post”');
    expect(view.container.querySelector('.git-commit-signoff-line')!.textContent).toBe('Adds the line: Signed-off-by: Erika Muster <erika@example.org>');
  });

  it('commits nothing when the user cancels the question', async () => {
    const main = fakeMain({ 'git.commit': () => ({ ok: false, error: { code: 'identity-missing', message: 'no identity' } }) });
    const { view, summary } = await show(main, { settings: { ...SETTINGS, authorName: '', authorEmail: '' } });
    await act(async () => typeInto(summary, 'First post'));
    await act(async () => button(view.container, 'Commit').click());
    await settle();
    await act(async () => button(view.container, 'Cancel').click());
    expect(document.querySelector('dialog')).toBeNull();
    expect(main.count('git.commit')).toBe(1);
    expect(main.count('settings.set')).toBe(0);
    expect(summary.value).toBe('First post');
  });
});
