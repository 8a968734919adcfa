// The destination a user sees and gets: the format's extension kept or swapped, the folder joined with its own
// separator (Windows folders too), and "Saved as <name> … in <folder>" split back from the written path.
import { describe, expect, it } from 'vitest';
import { fileNameOfPost, fileNameProblem, joinPath, splitPath, withExtension } from './export-file';

describe('export file names', () => {
  it('keeps the format’s extension, swaps the other format’s, and adds one when missing', () => {
    expect(withExtension('report.pdf', 'pdf')).toBe('report.pdf');
    expect(withExtension('report.PDF', 'html')).toBe('report.html');
    expect(withExtension('report.htm', 'pdf')).toBe('report.pdf');
    expect(withExtension('  Q3 results  ', 'pdf')).toBe('Q3 results.pdf');
    expect(withExtension('v1.2 notes', 'html')).toBe('v1.2 notes.html');
  });

  it('names the post’s own file when main proposes nothing', () => {
    expect(fileNameOfPost('_i18n/de/_posts/2022/2022-09-21-drei.md', 'pdf')).toBe('2022-09-21-drei.pdf');
    expect(fileNameOfPost('about.markdown', 'html')).toBe('about.html');
  });

  it('refuses an empty name and one with a folder in it', () => {
    expect(fileNameProblem('  ')).toBe('export.fileNameEmpty');
    expect(fileNameProblem('..')).toBe('export.fileNameEmpty');
    expect(fileNameProblem('../site/x.pdf')).toBe('export.fileNameSlash');
    expect(fileNameProblem('a\\b.pdf')).toBe('export.fileNameSlash');
    expect(fileNameProblem('Pressemitteilung „Kai“.pdf')).toBeNull();
  });

  it('joins and splits folders of every platform', () => {
    expect(joinPath('/home/erika/Press kits/', 'a.pdf')).toBe('/home/erika/Press kits/a.pdf');
    expect(joinPath('/', 'a.pdf')).toBe('/a.pdf');
    expect(joinPath('C:\\Users\\Erika\\Documents', 'a.pdf')).toBe('C:\\Users\\Erika\\Documents\\a.pdf');
    expect(joinPath('C:\\', 'a.pdf')).toBe('C:\\a.pdf');
    expect(splitPath('/home/erika/a.pdf')).toEqual({ folder: '/home/erika', name: 'a.pdf' });
    expect(splitPath('/a.pdf')).toEqual({ folder: '/', name: 'a.pdf' });
    expect(splitPath('C:\\Users\\Erika\\a.pdf')).toEqual({ folder: 'C:\\Users\\Erika', name: 'a.pdf' });
  });
});
