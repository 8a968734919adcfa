import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './model';
import { fillTemplate, TemplateError } from './template';

const values = { title: 'Kestrel 1.1: "GPUs" for all', date: '2024-05-01', category: 'release', lang: 'en' };

describe('fillTemplate', () => {
  it('fills placeholders YAML-safely in the front matter and literally in the body', () => {
    const out = fillTemplate('---\nlayout: post\ntitle: "{{title}}"\ncategory: {{category}}\nlang: {{ lang }}\n---\n**Berlin, {{date}}** – {{title}}\n', values);
    expect(readFrontMatter(out).data).toEqual({ layout: 'post', title: 'Kestrel 1.1: "GPUs" for all', category: 'release', lang: 'en' });
    expect(out).toContain('title: "Kestrel 1.1: \\"GPUs\\" for all"\n');
    expect(out).toContain('**Berlin, 2024-05-01** – Kestrel 1.1: "GPUs" for all\n');
  });

  it('quotes a bare placeholder when YAML would misread the value, and drops a line left empty', () => {
    const out = fillTemplate('---\ntitle: {{title}}\ncategory: {{category}}\n---\nx\n', { ...values, title: 'no', category: '' });
    expect(out).toBe('---\ntitle: "no"\n---\nx\n');
    const single = fillTemplate("---\ntitle: '{{title}}'\n---\n", { ...values, title: "It's" });
    expect(readFrontMatter(single).data.title).toBe("It's");
  });

  it('keeps the site\'s own Liquid and makes typed Liquid literal', () => {
    const out = fillTemplate('---\ntitle: "{{title}}"\n---\n{{ page.title }} {{title}}\n', { ...values, title: 'Use {{ site.secret }}' });
    expect(out).toContain('{{ page.title }} {% raw %}Use {{ site.secret }}{% endraw %}\n');
    expect(readFrontMatter(out).data.title).toBe('Use {{ site.secret }}');
  });

  it('refuses a template whose front matter does not read', () => {
    expect(() => fillTemplate('---\ntitle: [{{title}}\n---\n', values)).toThrow(TemplateError);
  });
});
