import { describe, expect, it } from 'vitest';
import { inferSchema, mergeSchema, parseSchemaFile } from './schema';

describe('parseSchemaFile (.pressroom.yml)', () => {
  it('reads fields with every setting', () => {
    const file = parseSchemaFile(`front_matter:
  fields:
    - key: title
      type: string
      label: { en: Title, de: Titel }
      required: true
      help: Shown on the page and in feeds.
    - key: category
      type: select
      options: [press, blog]
      default: press
    - key: internal
      hidden: true
  collections:
    events:
      fields:
        - key: venue
          type: text
`);
    expect(file.problems).toEqual([]);
    expect(file.fields).toEqual([
      { key: 'title', type: 'string', label: { en: 'Title', de: 'Titel' }, required: true, help: 'Shown on the page and in feeds.', origin: 'config' },
      { key: 'category', type: 'select', options: ['press', 'blog'], default: 'press', origin: 'config' },
      { key: 'internal', type: 'string', hidden: true, origin: 'config' },
    ]);
    expect(file.collections.events.fields).toEqual([{ key: 'venue', type: 'text', origin: 'config' }]);
  });

  it('reports each bad entry with its line and keeps the good ones', () => {
    const file = parseSchemaFile(`front_matter:
  fields:
    - key: title
    - type: string
    - key: date
      type: timestamp
    - key: draft
      required: maybe
      colour: red
    - key: title
    - just text
`);
    expect(file.fields.map((f) => f.key)).toEqual(['title']);
    expect(file.problems.map((p) => p.line)).toEqual([4, 5, 7, 7, 10, 11]);
    expect(file.problems[0].message).toMatch(/needs a key/);
    expect(file.problems[1].message).toMatch(/"timestamp".*string, text, date/);
    expect(file.problems[2].message).toMatch(/unknown setting "colour"/);
    expect(file.problems[3].message).toMatch(/required must be true or false/);
    expect(file.problems[4].message).toMatch(/declared twice/);
  });

  it('reports broken YAML and wrong shapes without throwing', () => {
    expect(parseSchemaFile('front_matter: [\n').problems[0].message).toMatch(/could not be read/);
    expect(parseSchemaFile('- a\n').problems[0].message).toMatch(/must be settings/);
    expect(parseSchemaFile('front_matter:\n  fields: title\n').problems[0]).toMatchObject({ line: 2 });
    expect(parseSchemaFile('')).toEqual({ fields: [], collections: {}, problems: [] });
  });
});

describe('inferSchema', () => {
  const posts = [
    { layout: 'post', title: 'A', category: 'release', author: ['Jonas Becker'], avatar: ['jonas-becker.png'], image: 'blog/a.jpg', published: false },
    { layout: 'post', title: 'B', category: 'blog', author: ['Mara Lindqvist'], avatar: ['mara-lindqvist.png'], date: '2024-01-01 10:00:00 +0100', weight: 2 },
    { layout: 'post', title: 'C', category: 'blog', tags: ['gpu', 'cloud'], description: 'Long text' },
  ];
  const defaults = [
    { scope: { path: '_posts', type: 'posts' }, values: { layout: 'post', author: ['Kestrel Cloud'], avatar: ['kestrel.png'] } },
    { scope: { path: '', type: 'events' }, values: { layout: 'event', venue: 'x' } },
  ];

  it('types each key the way a form needs it and offers the values the site uses', () => {
    const fields = inferSchema(posts, defaults, { layout: ['default', 'post', 'event'] });
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(fields.slice(0, 9).map((f) => f.key)).toEqual(['title', 'date', 'layout', 'category', 'tags', 'author', 'avatar', 'image', 'description']);
    expect(byKey.title).toMatchObject({ type: 'string', required: true });
    expect(byKey.date.type).toBe('datetime');
    expect(byKey.published.type).toBe('boolean');
    expect(byKey.weight.type).toBe('number');
    expect(byKey.description.type).toBe('text');
    expect(byKey.layout).toMatchObject({ type: 'select', default: 'post', options: ['default', 'event', 'post'] });
    expect(byKey.category.options).toEqual(['blog', 'release']);
    expect(byKey.author).toMatchObject({ type: 'multi-select', default: ['Kestrel Cloud'], options: ['Jonas Becker', 'Kestrel Cloud', 'Mara Lindqvist'] });
    expect(byKey.avatar).toMatchObject({ type: 'image', multiple: true });
    expect(byKey.image).toMatchObject({ type: 'image' });
    expect(byKey.image.multiple).toBeUndefined();
    expect(byKey.tags.options).toEqual(['cloud', 'gpu']);
    // Defaults for other collections do not leak into posts.
    expect(byKey.venue).toBeUndefined();
  });

  it('a declared field wins and keeps the inferred choices it does not name', () => {
    const declared = parseSchemaFile('front_matter:\n  fields:\n    - key: category\n      type: select\n      label: Rubrik\n    - key: subtitle\n');
    const merged = mergeSchema(declared, inferSchema(posts, defaults));
    expect(merged.fields[0]).toMatchObject({ key: 'category', label: 'Rubrik', origin: 'config', options: ['blog', 'release'] });
    expect(merged.fields[1]).toMatchObject({ key: 'subtitle', origin: 'config' });
    expect(merged.fields.slice(2).every((f) => f.origin === 'inferred')).toBe(true);
    expect(merged.fields.filter((f) => f.key === 'category')).toHaveLength(1);
  });
});
