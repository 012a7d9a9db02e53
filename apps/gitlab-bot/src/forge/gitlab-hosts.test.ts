import { describe, expect, it } from 'vitest';
import { gitlabHostsFromEnvironment, gitlabTokenVariable } from './gitlab-hosts';

describe('gitlabHostsFromEnvironment', () => {
  it('reads each listed host with the token of its own variable', () => {
    expect(
      gitlabHostsFromEnvironment({
        GITLAB_HOSTS: 'https://git.example.org, https://gitlab.example.com:8443/gitlab/',
        GITLAB_TOKEN_GIT_EXAMPLE_ORG: 'glpat-a',
        GITLAB_TOKEN_GITLAB_EXAMPLE_COM_8443: ' glpat-b ',
      }),
    ).toEqual({
      hosts: [
        { url: 'https://git.example.org', token: 'glpat-a' },
        { url: 'https://gitlab.example.com:8443/gitlab', token: 'glpat-b' },
      ],
      problems: [],
    });
  });

  it('has no other host when GITLAB_HOSTS is unset', () => {
    expect(gitlabHostsFromEnvironment({})).toEqual({ hosts: [], problems: [] });
  });

  it.each([
    { name: 'a host without its token', env: { GITLAB_HOSTS: 'https://git.example.org' }, problem: 'GITLAB_HOSTS lists git.example.org: set its bot user\'s token in GITLAB_TOKEN_GIT_EXAMPLE_ORG' },
    { name: 'no URL', env: { GITLAB_HOSTS: 'git.example.org' }, problem: 'GITLAB_HOSTS: "git.example.org" is not a URL such as https://git.example.org' },
    { name: 'another protocol', env: { GITLAB_HOSTS: 'ssh://git.example.org' }, problem: 'GITLAB_HOSTS: "ssh://git.example.org" must be an http(s) URL' },
  ])('reports $name', ({ env, problem }) => {
    expect(gitlabHostsFromEnvironment(env)).toEqual({ hosts: [], problems: [problem] });
  });
});

describe('gitlabTokenVariable', () => {
  it('names the variable after the host', () => {
    expect(gitlabTokenVariable('framagit.org')).toBe('GITLAB_TOKEN_FRAMAGIT_ORG');
  });
});
