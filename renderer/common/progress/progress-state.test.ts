import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { applyProgressEvent, describeProgress, IDLE, isBusy } from './progress-state';

describe('progress state', () => {
  it('says how far reading the posts has come, and goes quiet when it finishes', () => {
    let s = applyProgressEvent(IDLE, { id: 'scan-1', label: 'progress.scanning', done: 120, total: 400, finished: false });
    expect(isBusy(s)).toBe(true);
    const d = describeProgress(s);
    expect(d && translate('en', d.key, d.params)).toBe('Reading posts… 120 of 400');
    expect(d?.fraction).toBeCloseTo(0.3);
    s = applyProgressEvent(s, { id: 'scan-1', label: 'progress.scanning', done: 400, total: 400, finished: true });
    expect(isBusy(s)).toBe(false);
    expect(describeProgress(s)).toBeNull();
  });

  it('counts without a total when main does not know it yet', () => {
    const s = applyProgressEvent(IDLE, { id: 'a', label: 'progress.scanning', done: 7, total: null, finished: false });
    const d = describeProgress(s);
    expect(d && translate('de', d.key, d.params)).toBe('Beiträge werden gelesen… 7');
    expect(d?.fraction).toBeNull();
  });

  it('falls back to the task’s own label, and to a neutral text for an unknown label', () => {
    const busy = { ...IDLE, tasks: [{ id: 1, label: 'busy.openingSite' as const }] };
    expect(describeProgress(busy)?.key).toBe('busy.openingSite');
    const odd = applyProgressEvent(IDLE, { id: 'b', label: 'progress.unheardOf', done: 1, total: 2, finished: false });
    expect(describeProgress(odd)?.key).toBe('progress.working');
  });
});
