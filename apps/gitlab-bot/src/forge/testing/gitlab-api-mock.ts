import { Gitlab } from '@gitbeaker/rest';
import nock from 'nock';

export const GITLAB_URL = 'https://gitlab.example.org';
export const GITLAB_TOKEN = 'glpat-wecena-bot-token';

/** A Gitbeaker client on the test instance, authenticated as the bot user. */
export function testGitlab(url = GITLAB_URL, token = GITLAB_TOKEN): Gitlab {
  return new Gitlab({ host: url, token });
}

/** The test instance's API, as the bot sees it: every request must carry the bot's token. */
export function gitlabApi(url = GITLAB_URL, token = GITLAB_TOKEN): nock.Scope {
  return nock(`${url}/api`).matchHeader('private-token', token);
}

/** GitLab's pagination headers for page `page` of `path` when another page follows. */
export function nextPageHeaders(path: string, page: number): Record<string, string> {
  const separator = path.includes('?') ? '&' : '?';
  return {
    link: `<${GITLAB_URL}/api/v4${path}${separator}page=${page + 1}>; rel="next"`,
    'x-page': String(page),
    'x-next-page': String(page + 1),
  };
}
