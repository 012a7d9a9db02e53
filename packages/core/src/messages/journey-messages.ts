import type { TaskState } from '../lifecycle/task-lifecycle';

/*
 * What wecena says on an issue along the journey, forge-neutral: "change request", never pull
 * or merge request (the adapter renders the forge's word). Logins come in already formatted
 * (`@name`, or `name` where nobody should be pinged), instants as text, durations formatted.
 */

const DURATION = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '';
  const magnitude = Math.abs(minutes);
  const hours = Math.floor(magnitude / 60);
  const rest = magnitude % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h${String(rest).padStart(2, '0')}`;
};

const STATE_HEADLINES = {
  candidate: 'Not offered yet: a maintainer offers it with `/wecena ready`.',
  ready: 'Ready: a sponsored consultant can claim it with `/wecena claim`.',
  claimed: 'Claimed.',
  in_review: 'Claimed, with a change request under review.',
  done: 'Done.',
  released: 'Released by its consultant, to be offered again.',
  expired: 'Its claim expired; to be offered again.',
  withdrawn: 'Withdrawn from wecena. A maintainer can offer it again with `/wecena ready`.',
} as const satisfies Record<TaskState, string>;

export const journeyMessages = {
  status: {
    title: '**wecena** ·',
    states: STATE_HEADLINES,
    needsInfo:
      'Needs information before wecena can offer it: see the unticked items below. Editing the issue runs the checklist again.',
    claimed: (who: string, until: string) =>
      `Claimed by ${who} until ${until}. Log time with \`/wecena spend <duration>\`; hand over with \`/wecena release <note>\`.`,
    inReview: (who: string) =>
      `Claimed by ${who}, whose change request is under review: the claim does not run out while it is open.`,
    done: (who: string) => `Done: thank you ${who}!`,
    doneCreditWithdrawn: (by: string, reason: string) => `Done. The credit was withdrawn by ${by}: ${reason}`,
    creditLine: (credit: { minutes: number; estimated: boolean; changeRequestUrl: string | null; confirmedBy: string | null }) => {
      const time = credit.estimated ? `${DURATION(credit.minutes)} (the estimate: no time was logged)` : DURATION(credit.minutes);
      const proof =
        credit.changeRequestUrl !== null
          ? `for [the merged change request](${credit.changeRequestUrl})`
          : `confirmed by @${credit.confirmedBy ?? ''}`;
      return `Credited: ${time}, ${proof}. Maintainers may withdraw the credit with \`/wecena reject <reason>\` during the review window.`;
    },
    checklistTitle: 'Readiness checklist:',
    warningFlag: '(not blocking)',
    timeLogged: (entries: ReadonlyArray<{ login: string; minutes: number }>) =>
      `Time logged: ${entries.map((entry) => `${entry.login} ${DURATION(entry.minutes)}`).join(', ')}.`,
    handoffsTitle: 'Hand-off notes from earlier consultants:',
    handoffEnded: {
      released: (who: string, date: string) => `${who} released it on ${date}:`,
      expired: (who: string, date: string) => `${who}'s claim expired on ${date}:`,
      recalled: (who: string, date: string) => `${who} was called back to a client mission on ${date}:`,
      withdrawn: (who: string, date: string) => `${who}'s claim ended on ${date}, when the issue was withdrawn:`,
    },
    noHandoffNote: 'no note.',
    footer: '<sub>Write `/wecena help` in a comment to see the commands you can use here.</sub>',
    underReview: (url: string) => `Under review: [the change request](${url}).`,
    mergedByOther: (author: string, claimant: string) =>
      `A change request by ${author} closed this issue while ${claimant} held the claim, so no credit was recorded. A maintainer can credit the work with \`/wecena done <duration> @login\`.`,
  },
  reply: {
    readyLabelNotMaintainer: (label: string) =>
      `Only maintainers of the repository (write access or more) can offer an issue on wecena, so the \`${label}\` label was removed.`,
    notMaintainer: (verb: string) => `Only maintainers of the repository (write access or more) can use \`/wecena ${verb}\`.`,
    onChangeRequest: (verb: string) =>
      `\`/wecena ${verb}\` works on the issue itself, not on a change request: please write it there.`,
    notOnWecena: 'This issue is not on wecena, so there is nothing to withdraw.',
    claimNotRegistered:
      'Only sponsored consultants registered on wecena can claim an issue. If your employer lends you through wecena, ask them to link your forge login to your profile.',
    claimNotOffered: 'This issue is not offered on wecena yet, so it cannot be claimed. A maintainer offers it with `/wecena ready`.',
    claimTaken: (who: string, until: string) =>
      `This issue is already claimed by ${who} until ${until}. Ask them here whether they would like a hand, or pick another issue on your wecena dashboard.`,
    claimAlreadyYours: (until: string) => `You already hold this issue, until ${until}.`,
    claimNotAvailable:
      'Your availability window does not cover today, so you cannot claim an issue now. Ask your sponsor to record your availability on wecena, then claim again.',
    claimOverLimit: (count: number, limit: number) =>
      `You already hold ${count} open claim${count === 1 ? '' : 's'}, and the limit is ${limit}. Finish one, or hand it over with \`/wecena release <note>\`, before claiming another.`,
    spendNoTask: 'This is not an issue offered on wecena, so there is no task to log time on.',
    spendNotClaimed: 'Nobody holds this issue, so time cannot be logged on it. Claim it first with `/wecena claim`.',
    spendNotClaimant: (who: string) => `Only ${who}, who claimed this issue, can log time on it.`,
    spendBelowZero: (logged: number, correction: number) =>
      `You have logged ${DURATION(logged)} on this issue; a correction of ${DURATION(correction)} would take your total below zero.`,
    releaseNotClaimed: 'Nobody holds this issue, so there is nothing to release.',
    releaseNotClaimant: (who: string) =>
      `Only ${who}, who claimed this issue, can release it. A maintainer can take the issue off wecena with \`/wecena unready\`.`,
    doneNobodyToCredit: 'Nobody holds this issue: name the consultant to credit, as in `/wecena done 3h @login`.',
    doneNotRegistered: (login: string) =>
      `\`${login}\` is not registered on wecena as a sponsored consultant, so no credit can be recorded for them.`,
    rejectNoCredit: 'No credit is recorded for this issue, so there is nothing to reject.',
    rejectWindowClosed: (closedOn: string) =>
      `The review window for this credit closed on ${closedOn}; its sponsor reviews it from now on. Write to the wecena operator to dispute it.`,
  },
  notice: {
    reminder: (who: string, until: string) =>
      `${who}, your claim on this issue expires on ${until}. Log your time with \`/wecena spend <duration>\`, or hand it over with \`/wecena release <note>\` so that someone else can carry on.`,
    expired: (who: string) =>
      `${who}, your claim on this issue expired, so it is offered again. If you made progress, please leave a short hand-off note here for the next volunteer.`,
    withdrawn: (who: string) =>
      `${who}, a maintainer took this issue off wecena, so your claim ended. Thank you for your time; if you made progress, please leave a short note here.`,
    recalled: (who: string) =>
      `${who}, your sponsor has called you back to a client mission, so your claim on this issue ended and it is offered again. Please leave a short hand-off note here for the next volunteer: where the work stands, what remains.`,
  },
  /** One answer per event: a single sentence after the mention, or a list when there are several. */
  formatReply: (who: string, sentences: readonly string[]) =>
    sentences.length === 1 ? `${who} ${sentences[0] ?? ''}` : [who, '', ...sentences.map((sentence) => `- ${sentence}`)].join('\n'),
} as const;
