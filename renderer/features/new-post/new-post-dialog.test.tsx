// @vitest-environment jsdom
// After a post is created with a new category, the category is among the choices the next time a form shows
// them: the dialog tells the site data, so the schema is asked again instead of being kept from before.
import { act, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FrontMatterSchema, SiteSummary } from '../../../shared/contract/models';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import { NewPostDialog } from './new-post-dialog';

const SITE: SiteSummary = { root: '/sites/press', name: 'Press', languages: [], defaultLanguage: null, assetSources: ['assets'], collections: [], postCount: 0, warnings: [] };

function Scope({ children }: { children: ReactNode }) {
  useSiteDataScope(SITE.root);
  return <>{children}</>;
}

/** Types into a React-controlled input as a user would. */
function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const choices = (root: HTMLElement) => [...root.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));

describe('the new-post dialog', () => {
  it("offers a new post's category the next time it opens", async () => {
    const categories = ['news'];
    const schema = (): { ok: true; value: FrontMatterSchema } => ({ ok: true, value: { fields: [{ key: 'category', type: 'string', options: [...categories], origin: 'inferred' }], collections: {}, problems: [] } });
    const main = fakeMain({
      'site.frontMatterSchema': schema,
      'post.create': () => {
        categories.push('events');
        return { ok: true, value: { paths: ['_posts/2024-05-01-launch.md'] } };
      },
    });
    let created: string[] = [];
    const dialog = <NewPostDialog site={SITE} posts={[]} onCreated={(paths) => void (created = paths)} onClose={() => undefined} />;
    const view = await mount(main, <Scope>{dialog}</Scope>);
    await settle();
    expect(choices(view.container)).toEqual(['news']);

    const [title, , category] = [...view.container.querySelectorAll<HTMLInputElement>('input.text-input')];
    await act(async () => {
      type(title, 'Launch');
      type(category, 'events');
    });
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await settle();
    expect(created).toEqual(['_posts/2024-05-01-launch.md']);

    await view.render(<Scope>{null}</Scope>);
    await view.render(<Scope>{dialog}</Scope>);
    await settle();
    expect(choices(view.container)).toEqual(['news', 'events']);
    expect(main.count('site.frontMatterSchema')).toBe(2);
    await view.unmount();
  });
});
