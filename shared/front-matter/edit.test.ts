import { describe, expect, it } from 'vitest';
import { FrontMatterEditError, getFieldSource, removeField, setField, setFields } from './edit';
import { readFrontMatter } from './model';

/** What `git diff` would show: the lines removed and added (a longest-common-subsequence line diff). */
function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const t: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && t[i + 1][j] >= t[i][j + 1])) removed.push(a[i++]);
    else added.push(b[j++]);
  }
  return { removed, added };
}

const POST = `---
# Press release for the 1.1 launch
layout: post # the site's default layout
title: "Kestrel 1.1: GPUs for everyone"
subtitle: 'It''s here'
published: no
date: 2022-09-21 10:00:00 +0200
category: release
author:
  - "Jonas Becker" # lead
  - "Mara Lindqvist"
avatar:
  - "jonas-becker.png"
  - "mara-lindqvist.png"
tags: [gpu, "release notes"]
description: |
  First line.
  Second line.
redirect_from:
image: blog/kestrel.jpg
---
Body with a --- line
---
and {{ page.title }} Liquid.
`;

describe('setField changes only that field', () => {
  it('a scalar edit is a one-line change that keeps the double quotes', () => {
    const out = setField(POST, 'title', 'Kestrel 1.1: faster updates');
    expect(diff(POST, out)).toEqual({ removed: ['title: "Kestrel 1.1: GPUs for everyone"'], added: ['title: "Kestrel 1.1: faster updates"'] });
  });

  it('keeps single quotes and plain style, quoting plain text only when YAML would misread it', () => {
    expect(diff(POST, setField(POST, 'subtitle', "Now it's out")).added).toEqual(["subtitle: 'Now it''s out'"]);
    expect(diff(POST, setField(POST, 'category', 'press')).added).toEqual(['category: press']);
    expect(diff(POST, setField(POST, 'category', 'no')).added).toEqual(['category: "no"']);
    expect(diff(POST, setField(POST, 'category', 'a: b')).added).toEqual(['category: "a: b"']);
    expect(diff(POST, setField(POST, 'image', '12')).added).toEqual(['image: "12"']);
  });

  it('keeps the comment after a value', () => {
    expect(diff(POST, setField(POST, 'layout', 'page')).added).toEqual(["layout: page # the site's default layout"]);
  });

  it('published: no stays no when another field changes, and toggles in the yes/no style', () => {
    const other = setField(POST, 'category', 'blog');
    expect(other).toContain('\npublished: no\n');
    expect(readFrontMatter(other).data.published).toBe(false);
    const toggled = setField(POST, 'published', true);
    expect(diff(POST, toggled)).toEqual({ removed: ['published: no'], added: ['published: yes'] });
    expect(readFrontMatter(toggled).data.published).toBe(true);
    expect(diff('---\nx: True\n---\n', setField('---\nx: True\n---\n', 'x', false)).added).toEqual(['x: False']);
    expect(diff('---\nx: OFF\n---\n', setField('---\nx: OFF\n---\n', 'x', true)).added).toEqual(['x: ON']);
  });

  it('a new boolean follows the yes/no style the file already uses', () => {
    const out = setField(POST, 'sitemap', false);
    expect(diff(POST, out)).toEqual({ removed: [], added: ['sitemap: no'] });
    expect(setField('---\na: 1\n---\n', 'sitemap', false)).toBe('---\na: 1\nsitemap: false\n---\n');
  });

  it('dates stay as written when other fields change, and a new date is written plainly', () => {
    expect(setField(POST, 'title', 'x')).toContain('\ndate: 2022-09-21 10:00:00 +0200\n');
    expect(diff(POST, setField(POST, 'date', '2022-09-22 09:30:00 +0200')).added).toEqual(['date: 2022-09-22 09:30:00 +0200']);
    expect(setField('---\ntitle: x\n---\n', 'date', '2024-05-01')).toBe('---\ntitle: x\ndate: 2024-05-01\n---\n');
  });

  it('fills an empty field on its own line', () => {
    expect(diff(POST, setField(POST, 'redirect_from', '/old/'))).toEqual({ removed: ['redirect_from:'], added: ['redirect_from: /old/'] });
  });

  it('adds a new key as the last line of the block, in the file\'s indentation', () => {
    const out = setField(POST, 'lang', 'en');
    expect(diff(POST, out)).toEqual({ removed: [], added: ['lang: en'] });
    expect(out.indexOf('lang: en')).toBeLessThan(out.indexOf('---\nBody'));
    const indented = '---\n  title: x\n  tags:\n    - a\n---\n';
    expect(setField(indented, 'image', 'y.png')).toBe('---\n  title: x\n  tags:\n    - a\n  image: y.png\n---\n');
  });

  it('keeps CRLF line endings, also on added lines', () => {
    const crlf = POST.replace(/\n/g, '\r\n');
    const out = setFields(crlf, { title: 'CRLF title', lang: 'de', author: ['Jonas Becker', 'Ada'] });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(diff(crlf, out)).toEqual({
      removed: ['title: "Kestrel 1.1: GPUs for everyone"\r', '  - "Mara Lindqvist"\r'],
      added: ['title: "CRLF title"\r', '  - "Ada"\r', 'lang: de\r'],
    });
    expect(out).toContain('title: "CRLF title"\r\n');
    expect(out).toContain('lang: de\r\n---\r\n');
    expect(out).toContain('  - "Ada"\r\n');
  });

  it('keeps a byte-order mark and the body byte for byte', () => {
    const text = `\uFEFF${POST}`;
    const out = setField(text, 'title', 'x');
    expect(out.startsWith('\uFEFF---\n')).toBe(true);
    expect(out.slice(out.indexOf('Body with'))).toBe(POST.slice(POST.indexOf('Body with')));
  });

  it('a post without front matter gets a block', () => {
    expect(setField('Just a body\n', 'title', 'Hello')).toBe('---\ntitle: Hello\n---\nJust a body\n');
    expect(setField('Body\r\n', 'title', 'Hi')).toBe('---\r\ntitle: Hi\r\n---\r\nBody\r\n');
  });

  it('setting the same value returns the very same text', () => {
    expect(setField(POST, 'published', false)).toBe(POST);
    expect(setField(POST, 'tags', ['gpu', 'release notes'])).toBe(POST);
  });

  it('multi-line text keeps block style; in a quoted field it is escaped on one line', () => {
    const out = setField(POST, 'description', 'First line.\nChanged second line.\n');
    expect(diff(POST, out)).toEqual({ removed: ['  Second line.'], added: ['  Changed second line.'] });
    expect(diff(POST, setField(POST, 'title', 'Two\nlines')).added).toEqual(['title: "Two\\nlines"']);
    expect(readFrontMatter(setField(POST, 'image', 'a\nb\n')).data.image).toBe('a\nb\n');
  });
});

describe('list edits keep the list style', () => {
  it('adding an item to a quoted block list adds one quoted line', () => {
    const out = setField(POST, 'author', ['Jonas Becker', 'Mara Lindqvist', 'Ada Lovelace']);
    expect(diff(POST, out)).toEqual({ removed: [], added: ['  - "Ada Lovelace"'] });
  });

  it('removing an item removes only its line; a kept item keeps its comment', () => {
    const out = setField(POST, 'author', ['Jonas Becker']);
    expect(diff(POST, out)).toEqual({ removed: ['  - "Mara Lindqvist"'], added: [] });
    expect(out).toContain('  - "Jonas Becker" # lead\n');
  });

  it('reordering moves the lines as they were written', () => {
    const out = setField(POST, 'avatar', ['mara-lindqvist.png', 'jonas-becker.png']);
    expect(out).toContain('avatar:\n  - "mara-lindqvist.png"\n  - "jonas-becker.png"\ntags:');
    const moved = setField(POST, 'author', ['Mara Lindqvist', 'Jonas Becker']);
    expect(moved).toContain('author:\n  - "Mara Lindqvist"\n  - "Jonas Becker" # lead\navatar:');
  });

  it('flow lists stay flow, with untouched items written as before', () => {
    const out = setField(POST, 'tags', ['gpu', 'release notes', 'cloud']);
    expect(diff(POST, out)).toEqual({ removed: ['tags: [gpu, "release notes"]'], added: ['tags: [gpu, "release notes", cloud]'] });
    expect(diff(POST, setField(POST, 'tags', ['release notes'])).added).toEqual(['tags: ["release notes"]']);
  });

  it('an emptied list becomes [] and a new list follows the file\'s list style', () => {
    const emptied = setField(POST, 'avatar', []);
    expect(diff(POST, emptied)).toEqual({ removed: ['avatar:', '  - "jonas-becker.png"', '  - "mara-lindqvist.png"'], added: ['avatar: []'] });
    const added = setField(POST, 'categories', ['press', 'launch']);
    expect(diff(POST, added).added).toEqual(['categories:', '  - "press"', '  - "launch"']);
    expect(setField('---\ntags: [a]\n---\n', 'authors', ['Ada', 'Grace'])).toBe('---\ntags: [a]\nauthors: [Ada, Grace]\n---\n');
    expect(setField('---\nx: 1\nl:\n- a\n---\n', 'm', ['b'])).toBe('---\nx: 1\nl:\n- a\nm:\n- b\n---\n');
  });

  it('turns a single value into a list and back', () => {
    const listed = setField('---\nauthor: Ada\nx: 1\n---\n', 'author', ['Ada', 'Grace']);
    expect(readFrontMatter(listed).data).toEqual({ author: ['Ada', 'Grace'], x: 1 });
    expect(setField(listed, 'author', 'Ada')).toBe('---\nauthor: Ada\nx: 1\n---\n');
  });
});

describe('removeField', () => {
  it('removes the key and its value lines and nothing else', () => {
    expect(diff(POST, removeField(POST, 'category'))).toEqual({ removed: ['category: release'], added: [] });
    expect(diff(POST, removeField(POST, 'avatar'))).toEqual({ removed: ['avatar:', '  - "jonas-becker.png"', '  - "mara-lindqvist.png"'], added: [] });
    expect(diff(POST, removeField(POST, 'description'))).toEqual({ removed: ['description: |', '  First line.', '  Second line.'], added: [] });
    expect(removeField(POST, 'nothing-here')).toBe(POST);
  });
});

describe('edits refuse rather than damage', () => {
  const refuses = (text: string, pattern: RegExp) => {
    expect(() => setField(text, 'title', 'x')).toThrow(FrontMatterEditError);
    expect(() => setField(text, 'title', 'x')).toThrow(pattern);
  };

  it('broken YAML, duplicate keys, unclosed and code front matter are reported, not fixed', () => {
    refuses('---\ntitle: [broken\n---\n', /line 2/);
    refuses('---\ntitle: a\ntitle: b\n---\n', /twice/);
    refuses('---\ntitle: a\nbody\n', /no closing/);
    refuses('---js\n({ title: "x" })\n---\n', /never run/);
  });

  it('a value shared through an anchor is not changed behind other fields\' backs', () => {
    const text = '---\nbase: &b hello\ncopy: *b\n---\n';
    expect(() => setField(text, 'base', 'bye')).toThrow(/anchor/);
    expect(readFrontMatter(setField(text, 'copy', 'own')).data).toEqual({ base: 'hello', copy: 'own' });
  });

  it('refuses an edit that would change another field when read back, and leaves the text as it was', () => {
    // The one-field edit of author drops the anchor &n inside it, which editor's alias *n points to:
    // written, editor would no longer read "Ada". The read-back check catches it before anything is saved.
    const original = '---\nauthor:\n  name: &n Ada\n  role: lead\neditor: *n\ntags:\n  - &t press\n  - news\nkeywords: [*t]\ntitle: Launch\n---\nBody\n';
    let text = original;
    const attempt = (edit: (t: string) => string): unknown => {
      try {
        text = edit(text);
        return null;
      } catch (error) {
        return error;
      }
    };
    for (const [key, edit] of [
      ['author', (t: string) => setField(t, 'author', { name: 'Grace', role: 'lead' })],
      ['tags', (t: string) => setField(t, 'tags', ['news'])],
      ['author', (t: string) => removeField(t, 'author')],
    ] as const) {
      const error = attempt(edit);
      expect(error).toBeInstanceOf(FrontMatterEditError);
      expect((error as Error).message).toBe(`Pressroom could not write ${key} without changing other fields; edit it in the text.`);
      expect(text).toBe(original);
    }
    // An edit that leaves the anchors alone still goes through.
    expect(readFrontMatter(setField(original, 'title', 'New')).data).toMatchObject({ title: 'New', editor: 'Ada', keywords: ['press'] });
  });

  it('values that need escapes are written so they read back exactly', () => {
    expect(diff(POST, setField(POST, 'category', 'Launch 🚀')).added).toEqual(['category: Launch 🚀']);
    for (const value of ['He said "hi" \\ bye', 'tab\there', 'line\u2028sep', '# not a comment', '- not a list', '@home', "'quoted'", ' padded ', 'null', '~', '0x10', '1e3', '{a}', 'ü & ß', '']) {
      const out = setField(POST, 'subtitle', value);
      expect(readFrontMatter(out).data.subtitle, JSON.stringify(value)).toBe(value);
      expect(diff(POST, out).removed).toEqual(["subtitle: 'It''s here'"]);
      const plain = setField(POST, 'category', value);
      expect(readFrontMatter(plain).data.category, JSON.stringify(value)).toBe(value);
    }
  });

  it('numbers, null and nested groups round-trip', () => {
    const out = setFields('---\ntitle: x\n---\n', { weight: 3, ratio: 1.5, gone: null, seo: { type: 'article', keywords: ['a', 'b'] } });
    expect(readFrontMatter(out).data).toEqual({ title: 'x', weight: 3, ratio: 1.5, gone: null, seo: { type: 'article', keywords: ['a', 'b'] } });
    expect(out.startsWith('---\ntitle: x\nweight: 3\nratio: 1.5\ngone:\nseo:\n  type: article\n')).toBe(true);
  });
});

describe('getFieldSource', () => {
  it('gives scalars as written and lists item by item', () => {
    expect(getFieldSource(POST, 'published')).toEqual({ value: false, written: ['no'] });
    expect(getFieldSource(POST, 'date')?.written).toEqual(['2022-09-21 10:00:00 +0200']);
    expect(getFieldSource(POST, 'author')?.written).toEqual(['Jonas Becker', 'Mara Lindqvist']);
    expect(getFieldSource(POST, 'missing')).toBeNull();
  });
});
