// @vitest-environment jsdom
// "Get a site from a server" as a user meets it: an SSH address is answered with its HTTPS form to use instead, the
// destination comes from the native picker where there is one (else the typed path), progress shows while it
// downloads, a private repository asks for a sign-in, failures are in plain words, and the new site opens.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract/errors';
import type { AppInfo } from '../../../shared/contract/models';
import { AppInfoContext } from '../../common/app-info-context';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { CloneDialog } from './clone-dialog';
import { button, typeInto, withSettings } from './git-testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const INFO: AppInfo = { name: 'Pressroom', version: '1.0.0', platform: 'linux', systemLanguage: 'en', documentsDir: '/home/erika/Documents', homeDir: '/home/erika', capabilities: { folderPicker: true } };
const ok = <T,>(value: T) => ({ ok: true as const, value });
const fail = (error: AppError) => ({ ok: false as const, error });

async function show(main: FakeMain, { picker = true, openResult = null as AppError | null } = {}) {
  const opened: string[] = [];
  let closed = 0;
  const view = await mount(
    main,
    <AppInfoContext.Provider value={{ ...INFO, capabilities: { folderPicker: picker } }}>
      {withSettings(
        <CloneDialog
          openSite={async (p) => {
            opened.push(p);
            return openResult;
          }}
          onClose={() => closed++}
        />,
      )}
    </AppInfoContext.Provider>,
  );
  cleanups.push(view.unmount);
  await settle();
  return { opened, closed: () => closed };
}

const text = () => document.body.textContent!.replace(/\s+/g, ' ');
const urlField = () => document.querySelector<HTMLInputElement>('.git-clone input.text-input')!;
const destField = () => document.querySelector<HTMLInputElement>('.git-clone .git-field-row input')!;

describe('the clone dialog', () => {
  it('downloads into the picked folder and opens the new site', async () => {
    const main = fakeMain({ 'dialog.pickFolder': () => ok('/home/erika/Sites'), 'git.clone': () => ok({ path: '/home/erika/Sites/website' }) });
    const { opened } = await show(main);
    expect(destField().value).toBe('/home/erika/Documents');
    const start = button(document.body, 'Download and open');
    expect(start.disabled).toBe(true);
    await settle(() => typeInto(urlField(), 'https://github.com/press/website'));
    await settle(() => button(document.body, 'Choose…').click());
    expect(main.calls.find((c) => c.name === 'dialog.pickFolder')!.args).toEqual({ purpose: 'clone-destination', defaultPath: '/home/erika/Documents' });
    expect(destField().value).toBe('/home/erika/Sites');
    await settle(() => start.click());
    expect(main.calls.find((c) => c.name === 'git.clone')!.args).toEqual({ url: 'https://github.com/press/website', destination: '/home/erika/Sites' });
    expect(opened).toEqual(['/home/erika/Sites/website']);
  });

  it('has no picker in the browser: the path is typed', async () => {
    await show(fakeMain(), { picker: false });
    expect([...document.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Choose…');
    expect(destField()).toBeTruthy();
  });

  it('offers the HTTPS form of an SSH address and uses it on request', async () => {
    const main = fakeMain();
    await show(main);
    await settle(() => typeInto(urlField(), 'git@github.com:press/website.git'));
    expect(text()).toContain('Pressroom can only download over HTTPS.');
    expect(document.querySelector('.git-clone code')!.textContent).toBe('https://github.com/press/website.git');
    expect(button(document.body, 'Download and open').disabled).toBe(true);
    await settle(() => button(document.body, 'Use this address').click());
    expect(urlField().value).toBe('https://github.com/press/website.git');
    expect(button(document.body, 'Download and open').disabled).toBe(false);
  });

  it('says a wrong address plainly', async () => {
    await show(fakeMain());
    await settle(() => typeInto(urlField(), 'press/website'));
    expect(text()).toContain('This does not look like an HTTPS address');
  });

  it('shows progress while downloading', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const main = fakeMain({ 'git.clone': () => new Promise((resolve) => (finish = resolve)) as never });
    await show(main);
    await settle(() => typeInto(urlField(), 'https://github.com/press/website'));
    await settle(() => button(document.body, 'Download and open').click());
    expect(text()).toContain('Downloading the site…');
    await settle(() => main.emit('progress', { id: 'clone-1', label: 'progress.gitClone', done: 40, total: 100, finished: false }));
    expect(text()).toContain('Downloading the site… 40 of 100');
    expect(document.querySelector<HTMLProgressElement>('.git-clone-progress progress')!.value).toBeCloseTo(0.4);
    await settle(() => finish(ok({ path: '/home/erika/Documents/website' })));
  });

  it('asks for a sign-in for a private repository and tries again', async () => {
    let clones = 0;
    const main = fakeMain({
      'git.clone': () => (++clones === 1 ? fail({ code: 'auth-failed', message: '401' }) : ok({ path: '/home/erika/Documents/website' })),
      'git.credentials': () => ok({ host: 'github.com', username: null, protection: null }),
      'git.setCredentials': () => ok({ host: 'github.com', username: 'erika', protection: 'session' }),
    });
    const { opened } = await show(main);
    await settle(() => typeInto(urlField(), 'https://github.com/press/private'));
    await settle(() => button(document.body, 'Download and open').click());
    expect(text()).toContain('Sign in to github.com');
    expect(text()).toContain('The server needs your user name and an access token for this.');
    const [user, token] = [...document.querySelectorAll<HTMLInputElement>('.git-credentials input.text-input')];
    await settle(() => typeInto(user, 'erika'));
    await settle(() => typeInto(token, 'tok'));
    await settle(() => button(document.body, 'Sign in and continue').click());
    expect(main.calls.find((c) => c.name === 'git.setCredentials')!.args).toEqual({ site: undefined, url: 'https://github.com/press/private', username: 'erika', token: 'tok', remember: false });
    expect(clones).toBe(2);
    expect(opened).toEqual(['/home/erika/Documents/website']);
  });

  it('puts failures in plain words and keeps the dialog for another try', async () => {
    const main = fakeMain({ 'git.clone': () => fail({ code: 'unreachable', message: 'ENOTFOUND' }) });
    const { opened } = await show(main);
    await settle(() => typeInto(urlField(), 'https://git.example.org/site'));
    await settle(() => button(document.body, 'Download and open').click());
    expect(text()).toContain('The server cannot be reached. Check the address and your connection');
    expect(opened).toEqual([]);
    expect(button(document.body, 'Download and open').disabled).toBe(false);
  });

  it('says where the download went when it cannot be opened as a site', async () => {
    const main = fakeMain({ 'git.clone': () => ok({ path: '/home/erika/Documents/notes' }) });
    await show(main, { openResult: { code: 'not-a-site', message: 'no _config.yml' } });
    await settle(() => typeInto(urlField(), 'https://github.com/press/notes'));
    await settle(() => button(document.body, 'Download and open').click());
    expect(text()).toContain('The site was downloaded to /home/erika/Documents/notes, but Pressroom cannot open it there.');
    expect(text()).toContain('This folder is not a Jekyll site');
  });
});
