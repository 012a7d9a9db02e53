import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from './readiness';
import { STATUS_MARKER, formatInstant, renderStatusComment, type StatusView } from './status-comment';
import { inlineUntrusted, quoteUntrusted, safeLogin } from './untrusted-text';

const FOOTER = '<sub>Write `/wecena help` in a comment to see the commands you can use here.</sub>';

const BASE: StatusView = {
  state: 'ready',
  readiness: null,
  claim: null,
  handoffs: [],
  loggedTime: [],
  credit: null,
  notes: [],
};

const FAILED_READINESS: ReadinessReport = {
  ready: false,
  estimateMinutes: null,
  skills: [],
  category: 'code',
  items: [
    { id: 'done_criteria', passed: true, severity: 'blocking', sentence: 'The description says what done looks like.' },
    { id: 'estimate', passed: false, severity: 'blocking', sentence: 'Give an estimate.' },
    { id: 'skills', passed: false, severity: 'warning', sentence: 'No skill label.' },
  ],
};

describe('renderStatusComment', () => {
  it('starts with the hidden marker and ends with the help footer', () => {
    const body = renderStatusComment(BASE);
    expect(body.startsWith(`${STATUS_MARKER}\n`)).toBe(true);
    expect(body.endsWith(`${FOOTER}\n`)).toBe(true);
  });

  it.each<{ name: string; view: Partial<StatusView>; expected: string }>([
    {
      name: 'a ready task',
      view: {},
      expected: '**wecena** · Ready: a sponsored consultant can claim it with `/wecena claim`.',
    },
    {
      name: 'a task that needs information',
      view: { state: 'candidate', readiness: FAILED_READINESS },
      expected:
        '**wecena** · Needs information before wecena can offer it: see the unticked items below. Editing the issue runs the checklist again.',
    },
    {
      name: 'a withdrawn task',
      view: { state: 'withdrawn' },
      expected: '**wecena** · Withdrawn from wecena. A maintainer can offer it again with `/wecena ready`.',
    },
    {
      name: 'a claimed task',
      view: { state: 'claimed', claim: { login: 'camille', expiresAt: '2026-03-08T14:00:00Z' } },
      expected:
        '**wecena** · Claimed by @camille until 2026-03-08 14:00 UTC. Log time with `/wecena spend <duration>`; hand over with `/wecena release <note>`.',
    },
    {
      name: 'a done task',
      view: {
        state: 'done',
        credit: {
          id: 'c1',
          consultantId: 'k1',
          login: 'camille',
          minutes: 150,
          estimated: false,
          changeRequestUrl: 'https://github.com/civic/tracker/pull/13',
          confirmedBy: null,
          recordedAt: '2026-03-06T10:00:00Z',
          reversal: null,
        },
      },
      expected: '**wecena** · Done: thank you @camille!',
    },
  ])('heads $name', ({ view, expected }) => {
    expect(renderStatusComment({ ...BASE, ...view }).split('\n')[1]).toBe(expected);
  });

  it('ticks passed items, leaves failed ones unticked and flags failed warnings', () => {
    const body = renderStatusComment({ ...BASE, state: 'candidate', readiness: FAILED_READINESS });
    expect(body).toContain(
      [
        'Readiness checklist:',
        '- [x] The description says what done looks like.',
        '- [ ] Give an estimate.',
        '- [ ] (not blocking) No skill label.',
      ].join('\n'),
    );
  });

  it('renders a whole claimed task: time logged and hand-off notes', () => {
    const body = renderStatusComment({
      ...BASE,
      state: 'claimed',
      claim: { login: 'camille', expiresAt: '2026-03-08T14:00:00Z' },
      loggedTime: [
        { consultantId: 'k0', login: 'dominique', minutes: 90 },
        { consultantId: 'k1', login: 'camille', minutes: 150 },
        { consultantId: 'k2', login: 'zero', minutes: 0 },
      ],
      handoffs: [
        { login: 'dominique', endedHow: 'released', endedAt: '2026-03-04T17:00:00Z', note: 'Tests are in `fix-12`.\n\nThe fix remains.' },
        { login: 'eve', endedHow: 'expired', endedAt: '2026-03-05T09:00:00Z', note: null },
      ],
    });
    expect(body).toBe(
      [
        STATUS_MARKER,
        '**wecena** · Claimed by @camille until 2026-03-08 14:00 UTC. Log time with `/wecena spend <duration>`; hand over with `/wecena release <note>`.',
        '',
        'Time logged: @dominique 1h30, @camille 2h30.',
        '',
        'Hand-off notes from earlier consultants:',
        '- @dominique released it on 2026-03-04:',
        '  > Tests are in \\`fix-12\\`.',
        '  >',
        '  > The fix remains.',
        "- @eve's claim expired on 2026-03-05: no note.",
        '',
        FOOTER,
        '',
      ].join('\n'),
    );
  });

  it('keeps a hostile hand-off note inside its quote, with no HTML, marker or mention', () => {
    const note = '<!-- wecena:status -->\n```\n# Heading\n<img src=x onerror=alert(1)>\nping @octocat & @org/team\n~~~';
    const body = renderStatusComment({
      ...BASE,
      handoffs: [{ login: 'dominique', endedHow: 'released', endedAt: '2026-03-04T17:00:00Z', note }],
    });
    expect(body).toContain(
      [
        '  > &lt;!-- wecena:status --&gt;',
        '  > \\`\\`\\`',
        '  > \\# Heading',
        '  > &lt;img src=x onerror=alert(1)&gt;',
        '  > ping @&#8203;octocat &amp; @&#8203;org/team',
        '  > \\~\\~\\~',
      ].join('\n'),
    );
    expect(body.split(STATUS_MARKER)).toHaveLength(2);
    expect(body).not.toMatch(/<img|```|@octocat/);
  });

  it('shows a withdrawn credit with its escaped reason', () => {
    const body = renderStatusComment({
      ...BASE,
      state: 'done',
      credit: {
        id: 'c1',
        consultantId: 'k1',
        login: 'camille',
        minutes: 180,
        estimated: true,
        changeRequestUrl: null,
        confirmedBy: 'maintainer',
        recordedAt: '2026-03-06T10:00:00Z',
        reversal: { reason: 'Reverted <b>twice</b>\nby @someone', by: 'maintainer', at: '2026-03-07T10:00:00Z' },
      },
    });
    expect(body.split('\n')[1]).toBe(
      '**wecena** · Done. The credit was withdrawn by @maintainer: Reverted &lt;b&gt;twice&lt;/b&gt; by @&#8203;someone',
    );
    expect(body).not.toContain('Credited:');
  });

  it.each([
    {
      name: 'a merged change request',
      credit: { minutes: 150, estimated: false, changeRequestUrl: 'https://github.com/civic/tracker/pull/13', confirmedBy: null },
      expected:
        'Credited: 2h30, for [the merged change request](https://github.com/civic/tracker/pull/13). Maintainers may withdraw the credit with `/wecena reject <reason>` during the review window.',
    },
    {
      name: 'an estimate confirmed by a maintainer',
      credit: { minutes: 180, estimated: true, changeRequestUrl: null, confirmedBy: 'mai<ntainer' },
      expected:
        'Credited: 3h (the estimate: no time was logged), confirmed by @maintainer. Maintainers may withdraw the credit with `/wecena reject <reason>` during the review window.',
    },
  ])('says what was credited for $name', ({ credit, expected }) => {
    const body = renderStatusComment({
      ...BASE,
      state: 'done',
      credit: { id: 'c1', consultantId: 'k1', login: 'camille', recordedAt: '2026-03-06T10:00:00Z', reversal: null, ...credit },
    });
    expect(body).toContain(expected);
  });

  it('shows the notes of the decision', () => {
    expect(renderStatusComment({ ...BASE, notes: ['Something happened.'] })).toContain('\n\nSomething happened.\n\n');
  });
});

describe('untrusted text', () => {
  it.each([
    { text: 'plain', expected: 'plain' },
    { text: 'a\n  b', expected: 'a b' },
    { text: 'mail me: a@b.org', expected: 'mail me: a@&#8203;b.org' },
    { text: '@', expected: '@' },
    { text: '#1 is fine', expected: '\\#1 is fine' },
    { text: 'x'.repeat(2000), expected: `${'x'.repeat(1500)}…` },
  ])('inlines $text', ({ text, expected }) => {
    expect(inlineUntrusted(text)).toBe(expected);
  });

  it('quotes each line, blank lines as bare quote marks', () => {
    expect(quoteUntrusted('one\r\n\r\ntwo', '  ')).toBe('  > one\n  >\n  > two');
  });

  it.each([
    { login: 'camille.d', expected: 'camille.d' },
    { login: 'a_b-c', expected: 'a_b-c' },
    { login: 'evil <b>x</b>', expected: 'evilbxb' },
  ])('keeps only login characters of $login', ({ login, expected }) => {
    expect(safeLogin(login)).toBe(expected);
  });

  it('formats instants in UTC', () => {
    expect(formatInstant('2026-03-08T14:05:09.123Z')).toBe('2026-03-08 14:05 UTC');
  });
});
