// @vitest-environment jsdom
// The preview's render context follows the site: after `_config.yml` or a `_data/` file changes (or a post is
// created) it is asked again and the preview gets the new one; other changes do not ask main again.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SiteRenderContext } from '../../../shared/contract/models';
import { siteDataFor } from '../../common/site-data/site-data';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';
import { useRenderContext } from './use-render-context';

const SITE = '/sites/press';

function Scope({ children }: { children: ReactNode }) {
  useSiteDataScope(SITE);
  return <>{children}</>;
}

function Probe() {
  const { context, error } = useRenderContext(SITE);
  return <p>{error ? `failed: ${error.message}` : context ? String(context.config.title) : 'loading'}</p>;
}

function siteWithTitle(title: { value: string }) {
  return fakeMain({ 'site.renderContext': (): { ok: true; value: SiteRenderContext } => ({ ok: true, value: { ...EMPTY_RENDER_CONTEXT, config: { title: title.value } } }) });
}

describe('the preview render context', () => {
  it('is asked again after _config.yml or a _data/ file changes, and not after a post is edited', async () => {
    const title = { value: 'Press' };
    const main = siteWithTitle(title);
    const view = await mount(main, <Scope><Probe /></Scope>);
    await settle();
    expect(view.container.textContent).toBe('Press');

    title.value = 'Newsroom';
    await settle(() => {
      main.emit('file.changed', { site: SITE, path: '_posts/2024-01-02-launch.md', kind: 'changed' });
      main.emit('file.changed', { site: '/sites/other', path: '_config.yml', kind: 'changed' });
    });
    expect(main.count('site.renderContext')).toBe(1);
    expect(view.container.textContent).toBe('Press');

    await settle(() => {
      main.emit('file.changed', { site: SITE, path: '_config.yml', kind: 'changed' });
    });
    expect(main.count('site.renderContext')).toBe(2);
    expect(view.container.textContent).toBe('Newsroom');

    await settle(() => {
      main.emit('file.changed', { site: SITE, path: '_data/authors.yml', kind: 'changed' });
    });
    expect(main.count('site.renderContext')).toBe(3);
    await view.unmount();
  });

  it('is asked again after a post was created here (its post_url works at once)', async () => {
    const main = siteWithTitle({ value: 'Press' });
    const view = await mount(main, <Scope><Probe /></Scope>);
    await settle();
    await settle(() => {
      siteDataFor(main.api).signal({ type: 'post.created', site: SITE });
    });
    expect(main.count('site.renderContext')).toBe(2);
    await view.unmount();
  });

  it('shows why it failed, and a later change asks again', async () => {
    const main = fakeMain({ 'site.renderContext': () => ({ ok: false, error: { code: 'io', message: 'bad YAML' } }) });
    const view = await mount(main, <Scope><Probe /></Scope>);
    await settle();
    expect(view.container.textContent).toBe('failed: bad YAML');
    main.answers['site.renderContext'] = () => ({ ok: true, value: { ...EMPTY_RENDER_CONTEXT, config: { title: 'Fixed' } } });
    await settle(() => {
      main.emit('file.changed', { site: SITE, path: '_config.yml', kind: 'changed' });
    });
    expect(view.container.textContent).toBe('Fixed');
    await view.unmount();
  });

  it('is asked once for the whole site, however many previews are open', async () => {
    const main = siteWithTitle({ value: 'Press' });
    const view = await mount(main, <Scope><Probe /><Probe /></Scope>);
    await settle();
    await view.render(<Scope><Probe /></Scope>);
    await settle();
    expect(main.count('site.renderContext')).toBe(1);
    await view.unmount();
  });
});
