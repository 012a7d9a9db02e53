/** A fault of the GitLab adapter that is not an HTTP error (those are Gitbeaker's `GitbeakerRequestError`). */
export class GitlabForgeError extends Error {
  readonly code: 'malformed_comment_id' | 'config_file_unreadable' | 'graphql_error';

  constructor(code: GitlabForgeError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitlabForgeError';
    this.code = code;
  }
}
