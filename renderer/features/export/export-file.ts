/** File names and folders of an export destination, as the dialog builds and shows them (any platform's separators). */
import type { ExportFormat } from '../../../shared/contract/export-models';

const EXTENSION = /\.(pdf|html?)$/i;

/** The file name with the format's extension: kept when right, swapped from the other format's, else added. */
export function withExtension(name: string, format: ExportFormat): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  const base = trimmed.replace(EXTENSION, '');
  return `${base || trimmed}.${format}`;
}

/** The destination file: the folder (with or without a trailing separator) and the name, with the folder's separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.trim().replace(/[\\/]+$/, '')}${sep}${name}`;
}

/** The folder and the file name of an absolute path, for "Saved as report.pdf … in /home/erika". */
export function splitPath(path: string): { folder: string; name: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return { folder: '', name: path };
  return { folder: at === 0 ? path.slice(0, 1) : path.slice(0, at), name: path.slice(at + 1) };
}

/** The post's own file name as the export's name when main proposes none (`_posts/2024-05-01-launch.md` → `2024-05-01-launch.pdf`). */
export function fileNameOfPost(path: string, format: ExportFormat): string {
  const name = splitPath(path).name.replace(/\.[^.]+$/, '');
  return `${name || 'post'}.${format}`;
}

/** Why a file name cannot be used, as a message key; null when it can. */
export function fileNameProblem(name: string): 'export.fileNameEmpty' | 'export.fileNameSlash' | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed === '.' || trimmed === '..') return 'export.fileNameEmpty';
  if (/[\\/]/.test(trimmed)) return 'export.fileNameSlash';
  return null;
}
