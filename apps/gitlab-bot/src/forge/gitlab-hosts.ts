import type { GitlabHost } from './gitlab-forge-access';

export interface GitlabHostsReading {
  hosts: GitlabHost[];
  problems: string[];
}

/**
 * The GitLab instances other than the default one, from the environment:
 * `GITLAB_HOSTS=https://git.example.org,https://gitlab.example.com:8443` lists them, and each
 * one's token is in `GITLAB_TOKEN_<HOST>`, the host name in capitals with every run of other
 * characters an underscore (`GITLAB_TOKEN_GIT_EXAMPLE_ORG`, `GITLAB_TOKEN_GITLAB_EXAMPLE_COM_8443`).
 * One variable per token, so that a secret store can hold each one.
 */
export function gitlabHostsFromEnvironment(env: Readonly<Record<string, string | undefined>>): GitlabHostsReading {
  const hosts: GitlabHost[] = [];
  const problems: string[] = [];
  for (const entry of (env.GITLAB_HOSTS ?? '').split(',').map((text) => text.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      problems.push(`GITLAB_HOSTS: "${entry}" is not a URL such as https://git.example.org`);
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push(`GITLAB_HOSTS: "${entry}" must be an http(s) URL`);
      continue;
    }
    const variable = gitlabTokenVariable(url.host);
    const token = env[variable]?.trim();
    if (!token) {
      problems.push(`GITLAB_HOSTS lists ${url.host}: set its bot user's token in ${variable}`);
      continue;
    }
    hosts.push({ url: entry.replace(/\/+$/, ''), token });
  }
  return { hosts, problems };
}

/** `git.example.org:8443` → `GITLAB_TOKEN_GIT_EXAMPLE_ORG_8443`. */
export function gitlabTokenVariable(host: string): string {
  return `GITLAB_TOKEN_${host.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}
