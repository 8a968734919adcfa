/** English messages of the post list's rows of releases and their languages (spread into the English catalogue). */
export const postListEn = {
  'postList.count.one': '{shown} of {total} release',
  'postList.count.other': '{shown} of {total} releases',
  'postList.missing': '{code} missing',
  'postList.missingTitle': '{language}: not translated yet',
  'postList.same': '{code} = {source}',
  'postList.sameTitle': '{language}: same text as {sourceLanguage}',
  'postList.sameUnknown': '{code} linked',
  'postList.sameUnknownTitle': '{language}: same file as another post',
} as const;
