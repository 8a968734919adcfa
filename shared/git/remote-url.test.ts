import { describe, expect, it } from 'vitest';
import { describeRemote, hostOf, isSshUrl, pullRequestUrl, sshToHttps, withoutCredentials } from './remote-url';

describe('describeRemote', () => {
  it('gives the GitHub web page of an HTTPS remote, without credentials or .git', () => {
    expect(describeRemote('origin', 'https://me:tok@github.com/acme/site.git')).toEqual({
      name: 'origin',
      url: 'https://github.com/acme/site.git',
      webUrl: 'https://github.com/acme/site',
      host: 'github',
    });
  });

  it('knows gitlab.com, self-hosted gitlab.* hosts, and SSH addresses', () => {
    expect(describeRemote('origin', 'https://gitlab.com/group/sub/site')).toMatchObject({ host: 'gitlab', webUrl: 'https://gitlab.com/group/sub/site' });
    expect(describeRemote('up', 'https://gitlab.example.org:8443/team/site.git/')).toMatchObject({ host: 'gitlab', webUrl: 'https://gitlab.example.org:8443/team/site' });
    expect(describeRemote('origin', 'git@github.com:acme/site.git')).toMatchObject({ host: 'github', webUrl: 'https://github.com/acme/site' });
  });

  it('has no web page for unknown hosts', () => {
    expect(describeRemote('origin', 'https://git.example.com/site.git')).toEqual({ name: 'origin', url: 'https://git.example.com/site.git', webUrl: null, host: 'other' });
    expect(describeRemote('origin', '/srv/git/site.git')).toMatchObject({ host: 'other', webUrl: null });
  });
});

describe('sshToHttps', () => {
  it('turns scp-like and ssh:// addresses into HTTPS', () => {
    expect(sshToHttps('git@github.com:org/repo.git')).toBe('https://github.com/org/repo.git');
    expect(sshToHttps('ssh://git@gitlab.com/org/repo.git')).toBe('https://gitlab.com/org/repo.git');
    expect(sshToHttps('ssh://git@host.example:2222/org/repo.git')).toBe('https://host.example/org/repo.git');
  });

  it('leaves HTTPS, local paths and Windows drives alone', () => {
    expect(sshToHttps('https://github.com/org/repo.git')).toBeNull();
    expect(sshToHttps('/srv/repo.git')).toBeNull();
    expect(sshToHttps('C:\\repos\\site')).toBeNull();
    expect(isSshUrl('git@github.com:org/repo.git')).toBe(true);
    expect(isSshUrl('http://127.0.0.1:9/x.git')).toBe(false);
  });
});

describe('pullRequestUrl', () => {
  const github = describeRemote('origin', 'https://github.com/acme/site.git');
  const gitlab = describeRemote('origin', 'https://gitlab.com/acme/site.git');

  it('opens GitHub compare for the branch against the base', () => {
    expect(pullRequestUrl(github, 'post/launch day', 'main')).toBe('https://github.com/acme/site/compare/main...post/launch%20day?expand=1');
  });

  it('opens a GitLab merge request with source and target filled in', () => {
    expect(pullRequestUrl(gitlab, 'fix&go', 'main')).toBe(
      'https://gitlab.com/acme/site/-/merge_requests/new?merge_request%5Bsource_branch%5D=fix%26go&merge_request%5Btarget_branch%5D=main',
    );
  });

  it('has none for the base branch itself or an unknown host', () => {
    expect(pullRequestUrl(github, 'main', 'main')).toBeNull();
    expect(pullRequestUrl(github, 'x', null)).toBeNull();
    expect(pullRequestUrl(describeRemote('origin', 'https://git.example.com/a.git'), 'x', 'main')).toBeNull();
  });
});

describe('hostOf and withoutCredentials', () => {
  it('names the host credentials belong to', () => {
    expect(hostOf('https://me:tok@GitHub.com/acme/site.git')).toBe('github.com');
    expect(hostOf('http://127.0.0.1:8080/site.git')).toBe('127.0.0.1:8080');
    expect(hostOf('git@gitlab.com:a/b.git')).toBe('gitlab.com');
  });

  it('strips user and token from an address', () => {
    expect(withoutCredentials('https://me:tok@github.com/a.git')).toBe('https://github.com/a.git');
    expect(withoutCredentials('https://github.com/a.git')).toBe('https://github.com/a.git');
  });
});
