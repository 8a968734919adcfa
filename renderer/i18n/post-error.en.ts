/** English words for why a post cannot be read (the scanner's messages, worded again by post-error.ts). */
export const postErrorEn = {
  'postError.line': '{text} (line {line})',
  'postError.frontMatter': 'The front matter cannot be read: {problem}',
  'postError.linkNowhere': 'The symlink leads nowhere (its target is missing).',
  'postError.linkOutside': 'The symlink leads outside the site, so it is not read.',
  'postError.notRegular': 'This is not a regular file.',
  'postError.binary': 'This file is not text (it looks binary).',
  'postError.notUtf8': 'This file is not UTF-8 text; save it as UTF-8 to edit it in Pressroom.',
  'postError.unreadable': 'The file could not be read ({code}).',
} as const;
