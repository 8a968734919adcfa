// @vitest-environment jsdom
// The form's thumbnails and the image picker: each picture is a blob: URL held while it is shown and revoked
// once nothing shows it; a picture replaced on disk shows the new one; the picker lists what was added since.
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AssetImage } from '../../../shared/contract/models';
import { GRACE_MS } from '../../common/site-data/site-data';
import { fakeMain, type FakeMain, mount, pictureAnswer, settle, spyOnBlobUrls } from '../../common/site-data/site-data-testing';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import { ImagePicker, Thumbnail } from './image-picker';
import type { ImagePathStyle } from './image-paths';

const SITE = '/sites/press';
const STYLE: ImagePathStyle = { strip: 'assets/images/', add: '' };

const { made, revoked } = spyOnBlobUrls();

function main(images: string[] = []): FakeMain {
  return fakeMain({
    'asset.read': () => pictureAnswer('png bytes'),
    'asset.list': () => ({ ok: true, value: { images: images.map((p): AssetImage => ({ source: 'assets/images', path: p, size: 10 })), truncated: false } }),
  });
}

function Screen({ children }: { children: ReactNode }) {
  useSiteDataScope(SITE);
  return <>{children}</>;
}

const shownSources = (el: HTMLElement) => [...el.querySelectorAll('img')].map((img) => img.getAttribute('src'));
const passGrace = () => vi.advanceTimersByTimeAsync(GRACE_MS + 1);

describe('thumbnails', () => {
  it('revokes the picture of a thumbnail that went away, but not while it is still shown', async () => {
    const m = main();
    const view = await mount(m, <Screen><Thumbnail site={SITE} candidates={['assets/images/a.png']} /></Screen>);
    await settle();
    expect(shownSources(view.container)).toEqual(['blob:pic-1']);
    await passGrace();
    expect(revoked).toEqual([]);

    await view.render(<Screen>{null}</Screen>);
    expect(revoked).toEqual([]);
    await passGrace();
    expect(revoked).toEqual(['blob:pic-1']);
    await view.unmount();
  });

  it('shares one picture between two thumbnails of the same image and asks main once', async () => {
    const m = main();
    const one = <Thumbnail site={SITE} candidates={['assets/images/a.png']} />;
    const view = await mount(m, <Screen>{one}{one}</Screen>);
    await settle();
    expect(shownSources(view.container)).toEqual(['blob:pic-1', 'blob:pic-1']);
    expect(m.count('asset.read')).toBe(1);
    await view.unmount();
  });

  it('shows the new picture after the image is replaced on disk, and revokes the old one', async () => {
    const m = main();
    const view = await mount(m, <Screen><Thumbnail site={SITE} candidates={['assets/images/a.png']} /></Screen>);
    await settle();
    await settle(() => {
      m.emit('file.changed', { site: SITE, path: 'assets/images/a.png', kind: 'changed' });
    });
    expect(m.count('asset.read', 'assets/images/a.png')).toBe(2);
    expect(shownSources(view.container)).toEqual(['blob:pic-2']);
    await passGrace();
    expect(revoked).toEqual(['blob:pic-1']);
    await view.unmount();
  });

  it('revokes every picture when the site screen closes', async () => {
    const m = main();
    const view = await mount(m, <Screen><Thumbnail site={SITE} candidates={['assets/images/a.png']} /></Screen>);
    await settle();
    await view.unmount();
    expect(revoked).toEqual(['blob:pic-1']);
  });
});

describe('the image picker', () => {
  it('lets go of its thumbnails when it closes, keeping the one the form still shows', async () => {
    const m = main(['a.png', 'b.png', 'c.png']);
    const form = <Thumbnail site={SITE} candidates={['assets/images/a.png']} />;
    const picker = <ImagePicker site={SITE} label="Header" style={STYLE} current={null} onPick={() => undefined} onClose={() => undefined} />;
    const view = await mount(m, <Screen>{form}{picker}</Screen>);
    await settle();
    await settle();
    expect(made).toHaveLength(3);
    expect(m.count('asset.read')).toBe(3);

    await view.render(<Screen>{form}</Screen>);
    await passGrace();
    const formPicture = shownSources(view.container)[0];
    expect(revoked.sort()).toEqual(made.filter((u) => u !== formPicture).sort());
    expect(revoked).not.toContain(formPicture);
    await view.unmount();
  });

  it('lists images added since it was last opened', async () => {
    const images = ['a.png'];
    const m = main(images);
    const picker = <ImagePicker site={SITE} label="Header" style={STYLE} current={null} onPick={() => undefined} onClose={() => undefined} />;
    const view = await mount(m, <Screen>{picker}</Screen>);
    await settle();
    expect(view.container.querySelectorAll('.fm-picker-item')).toHaveLength(1);
    await view.render(<Screen>{null}</Screen>);
    images.push('new.png');
    await view.render(<Screen>{picker}</Screen>);
    await settle();
    expect(view.container.querySelectorAll('.fm-picker-item')).toHaveLength(2);
    await view.unmount();
  });
});
