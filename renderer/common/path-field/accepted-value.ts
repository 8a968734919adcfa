/** What taking a folder suggestion puts into the path field. */
import type { PathCompletion } from '../../../shared/contract/models';

/** The value after taking a suggestion: a plain folder gets a separator so typing goes on inside it. */
export function acceptedValue(choice: PathCompletion): string {
  if (choice.isSite) return choice.path;
  const sep = choice.path.includes('\\') && !choice.path.includes('/') ? '\\' : '/';
  return choice.path.endsWith(sep) ? choice.path : choice.path + sep;
}
