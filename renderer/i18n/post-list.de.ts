/** German messages of the post list's rows (same keys as post-list.en.ts). */
import type { postListEn } from './post-list.en';

export const postListDe: { readonly [K in keyof typeof postListEn]: string } = {
  'postList.count.one': '{shown} von {total} Pressemitteilung',
  'postList.count.other': '{shown} von {total} Pressemitteilungen',
  'postList.missing': '{code} fehlt',
  'postList.missingTitle': '{language}: noch nicht übersetzt',
  'postList.same': '{code} = {source}',
  'postList.sameTitle': '{language}: derselbe Text wie {sourceLanguage}',
  'postList.sameUnknown': '{code} verlinkt',
  'postList.sameUnknownTitle': '{language}: dieselbe Datei wie ein anderer Beitrag',
};
