// The bus checks every payload against the contract before any transport sees it: a payload of the wrong
// shape is a bug in main, which is logged and never reaches a window or a browser tab.
import { describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/contract';
import type { EventMessage } from '../../shared/contract/transport';
import { createEventBus } from './event-bus';

function setup() {
  const logged: string[] = [];
  const bus = createEventBus((message) => logged.push(message));
  const sent: EventMessage[] = [];
  bus.subscribe((m) => sent.push(m));
  return { bus, sent, logged };
}

describe('createEventBus', () => {
  it('sends a payload that fits the contract to every subscriber', () => {
    const { bus, sent, logged } = setup();
    const progress = { id: 'scan-1', label: 'progress.scanning', done: 1, total: 2, finished: false };
    bus.emit('progress', progress);
    bus.emit('file.changed', { site: '/s', path: '_posts/a.md', kind: 'changed' });
    expect(sent).toEqual([
      { name: 'progress', payload: progress },
      { name: 'file.changed', payload: { site: '/s', path: '_posts/a.md', kind: 'changed' } },
    ]);
    expect(logged).toEqual([]);
  });

  it('logs and drops a payload that does not fit', () => {
    const { bus, sent, logged } = setup();
    bus.emit('progress', { id: 'scan-1', label: 'progress.scanning', done: 1, finished: false } as unknown as Events['progress']);
    bus.emit('file.changed', { site: '/s', path: 'a.md', kind: 'changed', secret: 'x' } as unknown as Events['file.changed']);
    expect(sent).toEqual([]);
    expect(logged).toEqual([
      'pressroom: event progress not sent, its payload does not fit the contract: payload.total is missing',
      'pressroom: event file.changed not sent, its payload does not fit the contract: payload.secret is not expected',
    ]);
  });

  it('keeps delivering when one listener throws, and stops after unsubscribe', () => {
    const { bus, sent, logged } = setup();
    const late: EventMessage[] = [];
    bus.subscribe(() => {
      throw new Error('window gone');
    });
    const off = bus.subscribe((m) => late.push(m));
    bus.emit('file.changed', { site: '/s', path: 'a.md', kind: 'changed' });
    off();
    bus.emit('file.changed', { site: '/s', path: 'b.md', kind: 'changed' });
    expect(sent).toHaveLength(2);
    expect(late).toHaveLength(1);
    expect(logged).toEqual(['pressroom: event listener failed', 'pressroom: event listener failed']);
  });
});
