// @vitest-environment jsdom
// The side-by-side comparison: both texts are shown under their names, the file on disk can never be edited,
// the user's side reports edits when it is editable, the number of differing places is said in words, and
// nothing of the view is left behind when it goes.
import { EditorView } from '@codemirror/view';
import { act, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMain, mount } from '../site-data/site-data-testing';
import { I18nProvider } from '../../i18n/i18n-context';
import { CompareView } from './compare-view';
import { stubTextLayout } from './compare-testing';

stubTextLayout();
const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

async function show(node: ReactNode) {
  const view = await mount(fakeMain(), node);
  mounted.push(view);
  const shadow = view.container.querySelector('.compare-host')!.shadowRoot!;
  const side = (name: string) => shadow.querySelector<HTMLElement>(`.cm-editor[aria-label="${name}"]`)!;
  return { view, shadow, side, text: (name: string) => side(name).querySelector('.cm-content')!.textContent };
}

describe('CompareView', () => {
  it('shows the file on disk on the left and the user’s text on the right, each a named region', async () => {
    const { view, side, text } = await show(<CompareView label="Comparison of a.md" disk={'Title\nold line\n'} mine={'Title\nnew line\n'} />);
    const region = view.container.querySelector('section.compare')!;
    expect(region.getAttribute('aria-label')).toBe('Comparison of a.md');
    expect([...view.container.querySelectorAll('.compare-head')].map((h) => h.textContent)).toEqual(['On disk', 'Yours']);
    expect(side('On disk').getAttribute('role')).toBe('region');
    expect(text('On disk')).toContain('old line');
    expect(text('Yours')).toContain('new line');
    expect(view.container.querySelector('.compare-summary')!.textContent).toBe('1 place differs.');
  });

  it('never lets the disk side be edited; the user’s side is read-only unless it is given a listener', async () => {
    const { side } = await show(<CompareView label="c" disk="a" mine="b" />);
    expect(side('On disk').querySelector('.cm-content')!.getAttribute('contenteditable')).toBe('false');
    expect(side('Yours').querySelector('.cm-content')!.getAttribute('contenteditable')).toBe('false');
    expect(side('Yours').querySelector('.cm-content')!.getAttribute('aria-readonly')).toBe('true');
  });

  it('reports the user’s edits when the right side is editable, and says when the texts agree', async () => {
    const heard: string[] = [];
    const { view, side } = await show(<CompareView label="c" disk="same" mine="sane" mineTitle="Recovered" onMineChange={(t) => heard.push(t)} />);
    const content = side('Recovered').querySelector('.cm-content')!;
    expect(content.getAttribute('contenteditable')).toBe('true');
    const editor = EditorView.findFromDOM(side('Recovered'))!;
    await act(async () => editor.dispatch({ changes: { from: 2, to: 3, insert: 'm' } }));
    expect(heard).toEqual(['same']);
    expect(view.container.querySelector('.compare-summary')!.textContent).toBe('The two texts are the same.');
  });

  it('can name its sides and show one read-only column with the removed text above the added', async () => {
    const { view, shadow } = await show(<CompareView label="c" disk={'a\nold\n'} mine={'a\nnew\n'} diskTitle="Last commit" mineTitle="Now" unified />);
    expect([...view.container.querySelectorAll('.compare-head')].map((h) => h.textContent)).toEqual(['Last commit', 'Now']);
    const editors = shadow.querySelectorAll('.cm-editor');
    expect(editors).toHaveLength(1);
    expect(shadow.querySelector('.cm-deletedChunk')!.textContent).toContain('old');
    expect(editors[0].querySelector('.cm-content')!.getAttribute('contenteditable')).toBe('false');
    expect(view.container.querySelector('.compare-summary')!.textContent).toBe('1 place differs.');
    await view.render(null);
    expect(shadow.querySelectorAll('.cm-editor')).toHaveLength(0);
  });

  it('removes both editors when it unmounts', async () => {
    const { view, shadow } = await show(<CompareView label="c" disk="a" mine="b" />);
    expect(shadow.querySelectorAll('.cm-editor')).toHaveLength(2);
    await view.render(null);
    expect(shadow.querySelectorAll('.cm-editor')).toHaveLength(0);
  });

  it('folds long unchanged stretches with a count in the interface language', async () => {
    const same = Array.from({ length: 30 }, (_, i) => `Zeile ${i + 1}`).join('\n');
    const { shadow } = await show(
      <I18nProvider language="de">
        <CompareView label="Vergleich" disk={`${same}\nalt\n`} mine={`${same}\nneu\n`} />
      </I18nProvider>,
    );
    const folds = [...shadow.querySelectorAll('.cm-collapsedLines')].map((el) => el.textContent);
    expect(folds.length).toBeGreaterThan(0);
    expect(folds[0]).toMatch(/^\d+ unveränderte Zeilen$/);
  });
});
