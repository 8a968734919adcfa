/**
 * One row of the front-matter form: the label, the widget the field's type calls for, its help, and the problems
 * and refused edits that concern it, with the line they are on.
 */
import { useId } from 'react';
import type { FrontMatterFieldSchema, LocalizedText } from '../../../shared/contract/models';
import type { FrontMatterValue } from '../../../shared/front-matter/edit';
import type { FrontMatterProblem } from '../../../shared/front-matter/model';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import type { Language } from '../../i18n/translate';
import { DateWidget, NumberWidget, SelectWidget, SwitchWidget, TextWidget } from './field-widgets';
import { ImageWidget } from './image-widget';
import { ListWidget } from './list-widget';
import { ProblemText } from './problem-text';
import { RawWidget } from './raw-widget';

const BUILT_IN_LABELS: Record<string, MessageKey> = {
  title: 'frontMatter.label.title',
  date: 'frontMatter.label.date',
  layout: 'frontMatter.label.layout',
  category: 'frontMatter.label.category',
  categories: 'frontMatter.label.categories',
  tags: 'frontMatter.label.tags',
  author: 'frontMatter.label.author',
  authors: 'frontMatter.label.author',
  avatar: 'frontMatter.label.avatar',
  image: 'frontMatter.label.image',
  published: 'frontMatter.label.published',
  lang: 'frontMatter.label.lang',
  description: 'frontMatter.label.description',
  excerpt: 'frontMatter.label.excerpt',
};

/** Text in the interface language from a `.pressroom.yml` label or help (one string, or one per language). */
export function localize(text: LocalizedText | undefined, language: Language): string | null {
  if (text === undefined) return null;
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text)[0] ?? null;
}

/** The label of a field: configured, else Pressroom's word for a well-known key, else the key itself. */
export function useFieldLabel(): (field: FrontMatterFieldSchema) => string {
  const { t, language } = useI18n();
  return (field) => localize(field.label, language) ?? (BUILT_IN_LABELS[field.key] ? t(BUILT_IN_LABELS[field.key]) : field.key);
}

/** What a row needs from the panel. */
export interface FormFieldProps {
  field: FrontMatterFieldSchema;
  value: unknown;
  present: boolean;
  /** The key's YAML lines, for values shown as YAML. */
  source: string | null;
  problems: FrontMatterProblem[];
  /** Why the last edit of this field was refused. */
  error: string | null;
  site: string;
  assetSources: readonly string[];
  onCommit(value: FrontMatterValue | undefined): void;
  onCommitRaw(source: string): string | null;
  onJump(line: number): void;
}

const AUTHOR_KEY = /^(author|authors|contributors|speakers)$/;

function isComplex(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object');
  return value !== null && typeof value === 'object';
}

function asItems(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}

/** The row. */
export function FormField({ field, value, present, source, problems, error, site, assetSources, onCommit, onCommitRaw, onJump }: FormFieldProps) {
  const { t, language } = useI18n();
  const labelOf = useFieldLabel();
  const id = useId();
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const problemId = `${id}-problems`;
  const label = labelOf(field);
  const help = localize(field.help, language);
  const describedBy = [help ? helpId : null, problems.length > 0 || error ? problemId : null].filter(Boolean).join(' ') || undefined;
  const invalid = problems.length > 0;
  const common = { id, label, value, describedBy, invalid };
  const emptyMeansRemove = !field.required;

  let widget: React.ReactNode;
  let grouped = false;
  if (isComplex(value) || field.type === 'object') {
    widget = source !== null ? <RawWidget id={id} source={source} describedBy={describedBy} invalid={invalid} onCommit={onCommitRaw} /> : <p className="field-hint">{t('frontMatter.addInText')}</p>;
  } else if (field.type === 'image') {
    grouped = field.multiple === true || Array.isArray(value);
    widget = (
      <ImageWidget
        {...common}
        site={site}
        sources={assetSources}
        known={field.options ?? []}
        multiple={field.multiple === true}
        onCommit={(v) => onCommit(v === '' && emptyMeansRemove ? undefined : v)}
      />
    );
  } else if (field.type === 'multi-select' || field.type === 'list' || (Array.isArray(value) && field.type !== 'boolean')) {
    grouped = true;
    widget = (
      <ListWidget
        id={id}
        label={label}
        items={asItems(value)}
        variant={AUTHOR_KEY.test(field.key) ? 'rows' : 'chips'}
        suggestions={field.options}
        describedBy={describedBy}
        onChange={(items) => onCommit(items)}
      />
    );
  } else if (field.type === 'boolean') {
    const published = field.key === 'published';
    widget = (
      <SwitchWidget
        {...common}
        onText={published ? t('frontMatter.published') : t('frontMatter.yes')}
        offText={published ? t('frontMatter.unpublished') : t('frontMatter.no')}
        absentMeans={published ? true : field.default === true}
        onCommit={onCommit}
      />
    );
  } else if (field.type === 'date' || field.type === 'datetime') {
    widget = <DateWidget {...common} preferred={field.type} onCommit={onCommit} />;
  } else if (field.type === 'select') {
    widget = <SelectWidget {...common} options={field.options ?? []} onCommit={(v) => onCommit(v === '' && emptyMeansRemove ? undefined : v)} />;
  } else if (field.type === 'number') {
    widget = <NumberWidget {...common} onCommit={onCommit} />;
  } else {
    widget = <TextWidget {...common} multiline={field.type === 'text'} onCommit={(v) => (v === '' && !present ? undefined : onCommit(v))} />;
  }

  const wide = field.type === 'text' || field.type === 'object' || isComplex(value) || (field.type === 'image' && !grouped) || field.key === 'title';
  return (
    <div className={`fm-field ${wide ? 'fm-field-wide' : ''} ${invalid ? 'fm-field-invalid' : ''}`} role={grouped ? 'group' : undefined} aria-labelledby={grouped ? labelId : undefined}>
      {grouped ? (
        <span id={labelId} className="field-label small">
          {label}
        </span>
      ) : (
        <label id={labelId} htmlFor={id} className="field-label small">
          {label}
        </label>
      )}
      {widget}
      {help ? (
        <p id={helpId} className="field-hint">
          {help}
        </p>
      ) : null}
      {problems.length > 0 || error ? (
        <div id={problemId} className="fm-problems-inline">
          {problems.map((p, i) => (
            <div key={i} className="fm-problem">
              <ProblemText problem={p} onJump={onJump} />
            </div>
          ))}
          {error ? (
            <p className="fm-error" role="alert">
              {t('frontMatter.notChanged', { message: error })}
            </p>
          ) : null}
        </div>
      ) : null}
      {field.key === 'date' && !present ? <p className="field-hint">{t('frontMatter.dateFromFileName')}</p> : null}
    </div>
  );
}
