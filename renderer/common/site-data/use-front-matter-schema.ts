/** The site's front-matter schema for the forms that need it (the post's form, the new-post dialog's categories). */
import { useMemo } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { FrontMatterSchema } from '../../../shared/contract/models';
import { frontMatterSchemaResource } from './site-resources';
import { useSiteResource } from './use-site-resource';

/** The schema while it loads, once it is there (kept while a fresh one loads after a change), or why it failed. */
export type SchemaState = { status: 'loading' } | { status: 'ready'; schema: FrontMatterSchema } | { status: 'failed'; error: AppError };

/** The site's front-matter schema, asked for once per site and again when its files change or a post is created. */
export function useFrontMatterSchema(site: string): SchemaState {
  const state = useSiteResource(frontMatterSchemaResource, site);
  return useMemo(() => (state.status === 'ready' ? { status: 'ready', schema: state.value } : state), [state]);
}
