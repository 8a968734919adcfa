/**
 * A field as its YAML lines, for keys the form has no control for (or values too complex for one): edited as
 * text and applied when the user leaves the field or presses Ctrl+Enter, so half-typed YAML is never written.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/** Props: the key's lines as written, and where changed lines go (returns an error message or null). */
export interface RawWidgetProps {
  id: string;
  source: string;
  describedBy?: string;
  invalid?: boolean;
  onCommit(source: string): string | null;
}

/** The YAML text field of one key. */
export function RawWidget({ id, source, describedBy, invalid, onCommit }: RawWidgetProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(null);
    setError(null);
  }, [source]);
  const apply = () => {
    if (draft === null || draft === source) {
      setDraft(null);
      return;
    }
    const problem = onCommit(draft);
    setError(problem);
    if (!problem) setDraft(null);
  };
  const lines = (draft ?? source).split('\n').length;
  return (
    <>
      <textarea
        id={id}
        className="text-input fm-textarea fm-mono"
        spellCheck={false}
        rows={Math.min(10, Math.max(1, lines))}
        aria-describedby={describedBy}
        aria-invalid={invalid || error !== null || undefined}
        value={draft ?? source}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error ? (
        <p className="fm-error" role="alert">
          {t('frontMatter.notChanged', { message: error })}
        </p>
      ) : null}
    </>
  );
}
