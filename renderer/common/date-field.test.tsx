// @vitest-environment jsdom
// The date field a German user sees in an English browser: 21.09.2022, typed dates read in that order, an
// impossible day named in German, the calendar button named for the field, and ISO handed on for the YAML.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import type { Language } from '../i18n/translate';
import { DateField } from './date-field';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

async function field(language: Language, value: string, kind: 'date' | 'datetime' = 'date') {
  const commits: string[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider language={language}>
        <DateField id="date" label={language === 'de' ? 'Datum' : 'Date'} value={value} kind={kind} onCommit={(v) => commits.push(v)} />
      </I18nProvider>,
    ),
  );
  cleanup = () => {
    root.unmount();
    container.remove();
  };
  const input = container.querySelector<HTMLInputElement>('#date')!;
  const type = async (text: string) => {
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
  };
  return { container, input, commits, type };
}

describe('the date field', () => {
  it('shows a German date as 21.09.2022 and hands on what is typed as ISO', async () => {
    const f = await field('de', '2022-09-21');
    expect(f.input.value).toBe('21.09.2022');
    expect(f.input.placeholder).toBe('TT.MM.JJJJ');
    expect(f.container.textContent).toContain('Mittwoch, 21. September 2022');
    await f.type('22.9.2022');
    expect(f.commits).toEqual(['2022-09-22']);
  });

  it('names an impossible day in the interface language and writes nothing', async () => {
    const f = await field('de', '2022-09-21');
    await f.type('31.02.2022');
    expect(f.commits).toEqual([]);
    expect(f.container.querySelector('[role="alert"]')?.textContent).toBe('Den 31. Februar 2022 gibt es nicht.');
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
    expect(f.input.getAttribute('aria-describedby')).toContain(f.container.querySelector('[role="alert"]')!.id);
  });

  it('names the calendar button for its field, in both languages', async () => {
    let f = await field('en', '2022-09-21', 'datetime');
    expect(f.container.querySelector('button')?.getAttribute('aria-label')).toBe('Choose Date in a calendar');
    expect(f.container.querySelector('input[type="datetime-local"]')?.getAttribute('tabindex')).toBe('-1');
    cleanup?.();
    f = await field('de', '2022-09-21');
    expect(f.container.querySelector('button')?.getAttribute('aria-label')).toBe('Datum im Kalender wählen');
  });

  it('moves the day with the arrow keys', async () => {
    const f = await field('en', '2022-09-21');
    await act(async () => {
      f.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(f.commits).toEqual(['2022-09-20']);
  });
});
