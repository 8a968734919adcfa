/** English messages of the live preview (spread into the English catalogue). */
export const previewEn = {
  'preview.label': 'Preview',
  'preview.frameTitle': 'Preview of {path}',
  'preview.remote.one': 'This post refers to 1 image on the web. It is not loaded, so no one learns that you opened the post.',
  'preview.remote.other': 'This post refers to {count} images on the web. They are not loaded, so no one learns that you opened the post.',
  'preview.loadRemote': 'Load remote content',
  'preview.remoteShown': 'Images from the web are shown for this post.',
  'preview.brokenImage': 'Image not available: {path}',
  'preview.embed': 'Embedded content is not shown in the preview: {what}',
  'preview.problems.one': '1 problem in this post',
  'preview.problems.other': '{count} problems in this post',
  'preview.problemLine': 'Line {line}: {message}',
  'preview.problem.unclosedHtml': '<{tag}> opened on line {line} is never closed; everything after it is inside it',
  'preview.problem.htmlTooDeep': '<{tag}> on line {line} is nested more than {limit} elements deep; Jekyll stops on HTML nested this deeply (“stack level too deep”), and the preview leaves out the tags deeper down',
  'preview.problem.markdownTooDeep': '<{tag}> on line {line} is nested more than {limit} levels of Markdown inside HTML deep; the Markdown inside it is shown as text',
  'preview.contextFailed': 'The site’s settings could not be read for the preview: {message}',
} as const;
