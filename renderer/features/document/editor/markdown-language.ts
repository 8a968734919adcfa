/**
 * Markdown (GitHub flavour, as the sites are written) with the YAML front matter parsed as YAML by a nested
 * parser, and syntax colours from CSS variables so the light and dark themes colour them from editor.css.
 */
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

/**
 * Syntax colours, each a CSS variable that editor.css sets for the light and the dark theme; the style goes
 * into CodeMirror's adopted style sheet (the editor lives in a shadow root, see editor-host.tsx).
 */
const markdownHighlight = HighlightStyle.define([
  { tag: t.heading, color: 'var(--tk-heading)', fontWeight: '700' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.link, t.labelName], color: 'var(--tk-link)' },
  { tag: t.url, color: 'var(--tk-url)', textDecoration: 'underline', textDecorationColor: 'var(--border-strong)' },
  { tag: t.monospace, color: 'var(--tk-code)' },
  { tag: t.quote, color: 'var(--tk-quote)', fontStyle: 'italic' },
  { tag: [t.processingInstruction, t.contentSeparator, t.punctuation, t.separator], color: 'var(--tk-mark)' },
  { tag: [t.tagName, t.angleBracket], color: 'var(--tk-tag)' },
  { tag: t.attributeName, color: 'var(--tk-attr)' },
  { tag: [t.string, t.attributeValue, t.special(t.string)], color: 'var(--tk-string)' },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--tk-key)' },
  { tag: [t.number, t.bool, t.null, t.atom, t.escape, t.character], color: 'var(--tk-atom)' },
  { tag: [t.keyword, t.typeName, t.meta], color: 'var(--tk-meta)' },
  { tag: t.comment, color: 'var(--tk-comment)', fontStyle: 'italic' },
  { tag: t.invalid, textDecoration: 'underline wavy var(--danger)' },
]);

/** The post's language: front matter as YAML, then GFM Markdown (lists continue on Enter), coloured by class. */
export function markdownWithFrontMatter(): Extension {
  const body = markdown({ base: markdownLanguage, completeHTMLTags: false });
  return [yamlFrontmatter({ content: body }), syntaxHighlighting(markdownHighlight)];
}
