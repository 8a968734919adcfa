// A template's press-release values: a known value shows, an unknown one leaves its part out cleanly (no empty
// heading, no stray blank lines, no placeholder), and a value is never read as Liquid.
import { describe, expect, it } from 'vitest';
import { fillPressReleaseValues, withAuthor } from './fill-values';

const TEMPLATE = '---\ntitle: "{{title}}"\n---\n**{{#city}}{{city}}, {{/city}}{{date}}** – Lead.\n\nText.\n{{#contact}}\n\n## Contact\n\n{{contact}}\n{{/contact}}\nFor {{^organisation}}your organisation{{/organisation}}{{#organisation}}{{organisation}}{{/organisation}}.\n';

describe('fillPressReleaseValues', () => {
  it('fills known values and keeps their sections', () => {
    expect(fillPressReleaseValues(TEMPLATE, { city: 'Berlin', contact: ['Press team', 'press@example.org'], organisation: 'Kestrel' }, 't')).toBe(
      '---\ntitle: "{{title}}"\n---\n**Berlin, {{date}}** – Lead.\n\nText.\n\n## Contact\n\nPress team<br>\npress@example.org\nFor Kestrel.\n',
    );
  });

  it('leaves out what is unknown, lines and all', () => {
    expect(fillPressReleaseValues(TEMPLATE, {}, 't')).toBe('---\ntitle: "{{title}}"\n---\n**{{date}}** – Lead.\n\nText.\nFor your organisation.\n');
  });

  it('writes the dateline with the long date it is given', () => {
    const dateline = '**{{#city}}{{city}}, {{/city}}{{dateline}}** – Lead.\n';
    expect(fillPressReleaseValues(`---\n---\n${dateline}`, { city: 'Berlin', dateline: '5. Dezember 2026' }, 't')).toBe('---\n---\n**Berlin, 5. Dezember 2026** – Lead.\n');
  });

  it('keeps a value with Liquid in it literal', () => {
    expect(fillPressReleaseValues('---\n---\n{{city}}\n', { city: '{{ site.x }}' }, 't')).toBe('---\n---\n{% raw %}{{ site.x }}{% endraw %}\n');
  });

  it('refuses a section closed that was not open', () => {
    expect(() => fillPressReleaseValues('---\n---\n{{/city}}\n', {}, 'post.md')).toThrow(/closes \{\{\/city\}\}/);
  });
});

describe('withAuthor', () => {
  it('adds the author in the site’s shape unless the template wrote one', () => {
    expect(withAuthor('---\ntitle: T\n---\nBody\n', { author: ['Press Team'] })).toBe('---\ntitle: T\nauthor:\n  - Press Team\n---\nBody\n');
    expect(withAuthor('---\ntitle: T\nauthor: Me\n---\n', { author: 'Press Team' })).toBe('---\ntitle: T\nauthor: Me\n---\n');
    expect(withAuthor('---\ntitle: T\n---\n', {})).toBe('---\ntitle: T\n---\n');
  });
});
