import { z } from 'zod';
import type { CommentAuthorRole, IssueComment, SuitabilityInput } from './suitability-input';

/**
 * One line of a labelled evaluation set: a public issue and a human's verdict on whether a
 * one-day volunteer could take it. Only the fields the evaluation reads are declared.
 */
export const LabelledIssue = z.object({
  id: z.string(),
  url: z.string().optional(),
  title: z.string(),
  body: z.string(),
  labels_seen: z.array(z.string()),
  label: z.enum(['suitable', 'unsuitable']),
  reason: z.string().optional(),
});
export type LabelledIssue = z.infer<typeof LabelledIssue>;

export type ParseLabelledIssuesResult =
  | { ok: true; issues: LabelledIssue[] }
  | { ok: false; line: number; message: string };

/** Parses a JSON Lines text, one labelled issue a line; blank lines are skipped. */
export function parseLabelledIssues(text: string): ParseLabelledIssuesResult {
  const issues: LabelledIssue[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, line: index + 1, message: 'not valid JSON' };
    }
    const parsed = LabelledIssue.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, line: index + 1, message: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` };
    }
    issues.push(parsed.data);
  }
  return { ok: true, issues };
}

const TITLE_ONLY = '(no description; title only)';
const HEADER_LINE = /^State: (?<state>\w+)\.(?: Language: (?<language>[^\n]+?)\.)?\s*$/;
const POST_HEADER = /^(?<role>Reporter|Reporter comment|Maintainer|Maintainer comment|Other commenter|Commenter) \(\d{4}-\d{2}-\d{2}\):\s*$/;

function roleOf(header: string): CommentAuthorRole {
  if (header.startsWith('Maintainer')) return 'maintainer';
  if (header.startsWith('Reporter')) return 'reporter';
  return 'other';
}

/**
 * Reads a labelled issue the way a forge adapter would hand it over: the first post is the
 * description, the later posts are comments with their author's role, and the `State: …
 * Language: …` line gives the repository's language. The thread's state is left out: whether
 * an issue was closed says nothing of whether a volunteer could have done it.
 */
export function readLabelledIssue(issue: LabelledIssue): SuitabilityInput {
  const lines = issue.body.split(/\r?\n/);
  const header = HEADER_LINE.exec(lines[0] ?? '');
  const language = header?.groups?.['language'];
  const rest = header === null ? lines : lines.slice(1);
  const posts: Array<{ role: CommentAuthorRole | null; lines: string[] }> = [{ role: null, lines: [] }];
  for (const line of rest) {
    const post = POST_HEADER.exec(line);
    if (post !== null) posts.push({ role: roleOf(post.groups?.['role'] ?? ''), lines: [] });
    else posts.at(-1)?.lines.push(line);
  }
  const texts = posts
    .map((post) => ({ role: post.role, text: post.lines.join('\n').trim() }))
    .filter((post) => post.role !== null || post.text !== '');
  const [first, ...later] = texts;
  const description = first?.text === TITLE_ONLY ? '' : (first?.text ?? '');
  const comments: IssueComment[] = later.map((post) => ({ author: post.role ?? 'other', body: post.text }));
  return {
    title: issue.title,
    body: description,
    labels: issue.labels_seen,
    comments,
    repositoryLanguages: language === undefined ? [] : [language],
  };
}
