/*
 * The words and labels the score looks for, one table per signal. They come from the
 * conventions of public issue trackers (GitHub's default labels, the `good first issue` family,
 * Kubernetes' and Rust's size and difficulty labels, the usual issue templates) and from the
 * rule that defines a one-day task: small, self-contained, result stated, no familiarisation.
 * Labels are matched after `normalizeLabel`: lower case, words separated by single spaces.
 */

/** Newcomer work, as projects mark it. */
export const NEWCOMER_LABELS: readonly RegExp[] = [
  /\bgood (first|1st) (issue|bug|contribution|task|pr)s?\b/,
  /\bfirst timers? only\b/,
  /\bfirst (timers?|contribution)\b/,
  /\b(beginner|newcomer|newbie|starter)s?( friendly)?\b/,
  /\beasy (pick|picking|pickings|fix|issue|task)s?\b/,
  /\blow hanging fruit\b/,
  /\b(e|d|difficulty|level) ?(easy|beginner|low)\b/,
  /^easy$/,
];

export const HELP_WANTED_LABELS: readonly RegExp[] = [
  /\bhelp wanted\b/,
  /\bup for grabs\b/,
  /\bcontributions? welcome\b/,
  /\bpr welcome\b/,
  /\bpatches welcome\b/,
  /\bhacktoberfest\b/,
];

export const DOCUMENTATION_LABELS: readonly RegExp[] = [/\bdoc(s|umentation)?\b/];
export const ACCESSIBILITY_LABELS: readonly RegExp[] = [/\ba11y\b/, /\baccessib/, /\bwcag\b/, /^508$/, /\bscreen ?readers?\b/];
export const TRANSLATION_LABELS: readonly RegExp[] = [/\btranslat/, /\bi18n\b/, /\bl10n\b/, /\blocali[sz]/];
export const DATA_LABELS: readonly RegExp[] = [/^data$/, /\bdata ?(entry|set|sets|quality)\b/, /\bcontent data\b/];
export const TRAINING_LABELS: readonly RegExp[] = [/\btraining\b/, /\bworkshop\b/, /\bmentor/, /^support$/, /\bwebinar\b/, /\bcourse\b/];
export const SMALL_LABELS: readonly RegExp[] = [
  /^size ?(xs|s|small|tiny)$/,
  /\b(effort|size|complexity) ?(low|small|xs|s|tiny|1)$/,
  /^(xs|s|small|tiny|trivial|quick( win)?)$/,
  /\btrivial\b/,
  /\bquick (win|fix)\b/,
];
export const LARGE_LABELS: readonly RegExp[] = [
  /^size ?(l|xl|xxl|large|huge)$/,
  /\b(effort|size|complexity) ?(high|large|l|xl)$/,
  /\b(e|d|difficulty|level) ?(hard|expert|advanced|medium)\b/,
  /^(hard|large|huge|complex)$/,
  /\bbig\b/,
];
export const DISCUSSION_LABELS: readonly RegExp[] = [
  /\bdiscussion\b/,
  /\bdiscuss\b/,
  /\brfc\b/,
  /\bproposal\b/,
  /\bquestion\b/,
  /\bneeds? (design|decision|discussion|consensus|spec|specification|rfc)\b/,
  /\bdesign (needed|required)\b/,
  /\bidea\b/,
  /\bbrainstorm/,
];
export const TRACKING_LABELS: readonly RegExp[] = [/\bepic\b/, /\bmeta\b/, /\btracking\b/, /\btracker\b/, /\bumbrella\b/, /\broadmap\b/];
export const NOT_PLANNED_LABELS: readonly RegExp[] = [
  /\bwont ?fix\b/,
  /\bwon t fix\b/,
  /\binvalid\b/,
  /\bduplicate\b/,
  /\bby design\b/,
  /\bnot planned\b/,
  /\b(cannot|can t|cant|could not|unable to) reproduce\b/,
  /\bworks as (intended|expected|designed)\b/,
  /\bnot a bug\b/,
  /\bstale\b/,
  /\bout of scope\b/,
];
export const NEEDS_INFO_LABELS: readonly RegExp[] = [
  /\bneeds? (info|information|more info|repro|reproduction|feedback|clarification|triage)\b/,
  /\b(more )?info(rmation)? (needed|required)\b/,
  /\bawaiting (feedback|response|reply)\b/,
  /\buntriaged\b/,
  /\bunconfirmed\b/,
];
export const SECURITY_LABELS: readonly RegExp[] = [/\bsecurity\b/, /\bvulnerab/, /\bcve\b/];
export const BREAKING_LABELS: readonly RegExp[] = [/\bbreaking( change)?\b/, /\bsemver major\b/];
export const PERFORMANCE_LABELS: readonly RegExp[] = [/\bperf(ormance)?\b/, /\bslow\b/];
export const UNKNOWN_CAUSE_LABELS: readonly RegExp[] = [/\bintermittent\b/, /\bflaky\b/, /\bheisenbug\b/, /\bcrash\b/];

/*
 * Wording. Matched case-insensitively on prose (code blocks and code spans removed), and quoted
 * in the reason, so a reason always shows the words it rests on.
 */

/** Small tasks whose result is self-evident (the rule's own examples). */
export const SMALL_TASK_WORDS: readonly RegExp[] = [
  /\btypos?\b/i,
  /\bmis-?spell(ed|ing|ings)?\b/i,
  /\bspelling (mistake|error)s?\b/i,
  /\bgrammar\b/i,
  /\b(broken|dead|wrong|outdated|incorrect|invalid|404) (\w+ )?(links?|urls?|hrefs?)\b/i,
  /\blinks? (is|are) (broken|dead|wrong|outdated)\b/i,
  /\balt(ernative)?[- ]text\b/i,
  /\balt attributes?\b/i,
  /\bfavicon\b/i,
  /\bcopyright (year|date|notice)\b/i,
  /--version\b/,
  /\bversion (flag|option)\b/i,
  /\b(add|write|missing)( a| an| some| more)?( unit)? (tests?|test cases?|specs?) (for|to cover|covering)\b/i,
  /\b(help|usage) (text|message|output|string)s?\b/i,
  /\b(add|write)( a| an)?( short| new)? (section|paragraph|note|example|usage)s?( \w+)? (to|in|on|about|explaining|describing|for)\b/i,
  /\bdocument (the |how )?[\w ]{0,30} in the (readme|docs|documentation)\b/i,
  /\b(config(uration)?|cli|command[- ]line) (flag|option|setting|switch)\b/i,
  /\buncovered lines\b/i,
  /\b(missing|untranslated|not translated|add(ing)?( a)?) translations?\b/i,
  /\btranslate\b/i,
  /\b(untranslated|not translated|missing translations?)\b/i,
  /\b(docs|documentation|readme|install|installation|instructions|steps|section|guide|example|link|screenshot|changelog)s?`? (is|are|looks?|seems?)( to be)? (out of date|outdated|obsolete)\b/i,
  /\b(out of date|outdated|obsolete|stale) (docs|documentation|readme|instructions|steps|section|file|page|example|comment)s?\b/i,
  /\b(wrong|incorrect|misleading|outdated) (default value|default|help text|help message|usage text|text|message|example|url|link|path|instructions|steps|label|title|wording|name|description|version number)s?\b/i,
  /\b(returns|gives|shows) (a |an )?404\b/i,
  /\bdocstrings?\b/i,
  /\bbadges?\b/i,
  /\b(remove|delete) (the )?(unused|obsolete|stale|dead|duplicated?|old|outdated) (\w+ )?(imports?|variables?|files?|code|functions?|dependency|dependencies|sections?|links?|pages?)\b/i,
  /\bdeprecation warnings?\b/i,
  /\b(broken|missing) (images?|screenshots?|icons?)\b/i,
  /\b(image|screenshot|icon)s? (is |are )?(broken|missing|not loading)\b/i,
  /\badd(s|ing)? (a |an )?(link to|badge|code of conduct|issue template)\b/i,
  /\badd(s|ing)? (a |an )?\.(gitignore|editorconfig)/i,
  /--[a-z][\w-]*`? (flag|option|argument|switch)\b/i,
  /\b(flag|option|argument|switch) `?--[a-z][\w-]*/i,
  /\brename (the )?`?[\w.-]+`? (\w+ )?to\b/i,
  /\bfix(es)? (the )?(wording|formatting|indentation|capitali[sz]ation)\b/i,
];

/** A size or an estimate written in the description. */
export const ESTIMATE_WORDS: readonly RegExp[] = [
  /\b(quick|easy|simple|small|trivial|tiny|minor|one[- ]line|one[- ]liner|straightforward) (fix|change|task|patch|pr|pull request|update|tweak|improvement|addition)\b/i,
  /\b(should|would|will) (only )?take (about |around |roughly |less than |under )?(an? |\d+ ?)(few )?(minutes?|mins?|hours?|h)\b/i,
  /\b(estimate|estimated|effort)[: ]+\s*\d+(\.\d+)? ?(m|min|minutes|h|hours?)\b/i,
  /^\/estimate\s+\S+/im,
];

/** A description that states the expected result. */
export const STEPS_WORDS: readonly RegExp[] = [
  /\bsteps to reproduce\b/i,
  /\bto reproduce\b/i,
  /\brepro(duction)? steps\b/i,
  /\bhow to reproduce\b/i,
];
export const EXPECTED_WORDS: readonly RegExp[] = [
  /\bexpected (behaviou?r|result|outcome|output|response)\b/i,
  /\b(desired|intended) (behaviou?r|result|outcome)\b/i,
  /\bexpected:/i,
  /\bshould (instead )?(show|display|return|print|read|say|point|link|open)\b/i,
  /\bought to (be|say|read|show|display|return|print)\b/i,
  /\bshould (only |not |never |always |instead )?be (shown|displayed|printed|returned|listed|sorted|visible|hidden|used|called|named|set|updated|removed|deleted|disabled|enabled)\b/i,
  /\binstead of\b/i,
];
export const ACCEPTANCE_WORDS: readonly RegExp[] = [
  /\bacceptance criteri(a|on)\b/i,
  /\bdefinition of done\b/i,
  /\bdone when\b/i,
  /^#+\s*(expected (result|outcome)|deliverables?|success criteria)\b/im,
];

/** Maintainers (or a description) inviting a contribution. */
export const INVITATION_WORDS: readonly RegExp[] = [
  /\b(prs?|pull requests?|patch(es)?|contributions?|merge requests?) (are |is )?(very |more than |always )?welcome\b/i,
  /\bfeel free to (open|submit|send|make|create|file) (a |an )?(pr|pull request|patch|merge request|fix)\b/i,
  /\bhappy to (accept|review|merge)\b/i,
  /\b(would|will) (gladly |happily )?(accept|merge|review) (a |an )?(pr|pull request|patch|merge request|fix)\b/i,
  /\b(want|like|care) to (submit|open|send|make|create) (a |an )?(pr|pull request|patch|merge request|fix)\b/i,
  /\b(please|can you|could you) (submit|open|send|make|create) (a |an )?(pr|pull request|patch|merge request)\b/i,
  /\bgood first issue\b/i,
];
/** A maintainer agreeing with the report: the expected result is settled. */
export const AGREEMENT_WORDS: readonly RegExp[] = [
  /^\s*(agreed|good catch|well spotted|good idea|good point|nice catch|you'?re right|makes sense|sounds good|confirmed)\b/im,
  /\b(i|we) (can )?(confirm|reproduce) (this|it|the)\b/i,
  /\b(fine|ok|okay|good) (with|by|to) me\b/i,
  /\bsounds good\b/i,
];
export const AGREED_LABELS: readonly RegExp[] = [
  /^(status )?(accepted|confirmed|approved|ready|triaged|agreed)$/,
  /\b(status|triage) (accepted|confirmed|approved|ready|agreed)\b/,
  /\bspec(ified)? ready\b/,
];

/** Conversations rather than tasks. */
export const DISCUSSION_WORDS: readonly RegExp[] = [
  /\brfc\b/i,
  /^\s*\[?(discussion|proposal|question|idea|brainstorm(ing)?)\]?\s*[:\]-]/i,
  /\bwhat do (you|people|we) think\b/i,
  /\bthoughts\?/i,
  /\bopen (for|to) discussion\b/i,
  /\blet'?s discuss\b/i,
  /\bshould we\b/i,
  /\bwould it make sense\b/i,
  /\bany (ideas|suggestions|thoughts)\b/i,
  /\b(vision|strategy|roadmap|planning)\b/i,
  /\b(decide|decided) (on|which|whether|what|how|if)\b/i,
];
/** A title phrased as a user's question. */
export const QUESTION_TITLE_WORDS: readonly RegExp[] = [
  /^\s*(how|why|what|where|when|which|is|are|can|could|does|do|should|would|will|has|have)\b.*\?\s*$/i,
  /^\s*(how (do|can|to|should)|is (it|there) (possible|a way))\b/i,
];
export const TRACKING_WORDS: readonly RegExp[] = [
  /\btracking issue\b/i,
  /\b(meta|umbrella|epic|parent|master)[- ](issue|ticket)\b/i,
  /^\s*\[?(meta|epic|tracking|tracker|umbrella)\]?\s*[:\]-]/i,
  /\bcollect(ing)? (all|every)\b/i,
  /\bthis issue (tracks|collects|gathers|lists)\b/i,
];
export const LARGE_SCOPE_WORDS: readonly RegExp[] = [
  /\brefactor(ing|ed)?\b/i,
  /\bre-?write\b/i,
  /\bre-?design\b/i,
  /\bre-?architect/i,
  /\barchitecture\b/i,
  /\boverhaul\b/i,
  /\bmigrat(e|ion) (to|from|away)\b/i,
  /\bport(ing)? (it )?to\b/i,
  /\bplugins?( system| support| architecture| api)?\b/i,
  /\bfrom scratch\b/i,
  /\b(whole|entire) (code ?base|project|app|application|site|ui)\b/i,
  /\bacross the (code ?base|project|repo|repository)\b/i,
  /\beverywhere\b/i,
  /\bevery (\w+ )?(file|function|module|docstring|test|dependency|library|suite|component|class|method)s?\b/i,
  /\ball (of )?(the |our )?(\w+ )?(libraries|dependencies|files|functions|modules|docstrings|tests|components|classes|methods)\b/i,
  /\bas many (\w+ )?as (we|you|possible)\b/i,
  /\bcoverage (above|over|to|of at least) \d+ ?%/i,
  /\bmulti-?(tenant|user|language support|platform)\b/i,
  /\bnew (backend|frontend|engine|framework)\b/i,
];
export const SECURITY_WORDS: readonly RegExp[] = [
  /\bsecurity (issue|flaw|hole|bug|problem|vulnerability|report|advisory)\b/i,
  /\bvulnerab(le|ility|ilities)\b/i,
  /\bxss\b/i,
  /\bcsrf\b/i,
  /\bcve-\d{4}/i,
  /\b(sql|command|code) injection\b/i,
  /\bexploit(able|s)?\b/i,
  /\bprivilege escalation\b/i,
  /\bremote code execution\b/i,
  /\bresponsible disclosure\b/i,
];
export const BREAKING_WORDS: readonly RegExp[] = [
  /\bbreaking changes?\b/i,
  /\bbackwards?[- ]incompatib/i,
  /\bnext major (version|release)\b/i,
];
export const UNKNOWN_CAUSE_WORDS: readonly RegExp[] = [
  /\binvestigat(e|ion|ing)\b/i,
  /\bintermittent(ly)?\b/i,
  /\bflak(y|iness)\b/i,
  /\b(can'?t|cannot|couldn'?t|unable to|not able to|hard to|difficult to) reproduce\b/i,
  /\b(not sure|no idea|unclear|unknown) (why|what|how|where)\b/i,
  /\broot cause\b/i,
  /\b(can'?t|cannot|couldn'?t) (work out|figure out|find out|tell|understand) (where|why|how|what)\b/i,
  /\brace condition\b/i,
  /\bdeadlock\b/i,
  /\bmemory (leak|corruption)\b/i,
  /\b(segfault|segmentation fault)\b/i,
];
/** Weaker hints of an unknown cause: a symptom with no cause named. */
export const SYMPTOM_WORDS: readonly RegExp[] = [
  /\b(sometimes|randomly|occasionally|sporadically)\b/i,
  /\b(hangs|freezes|freezing)\b/i,
  /\bcrash(es|ed|ing)?\b/i,
];
export const PERFORMANCE_WORDS: readonly RegExp[] = [
  /\bperformance\b/i,
  /\b(too |very |really |extremely )slow\b/i,
  /\bslow(s down|er| down)\b/i,
  /\bprofil(e|ing)\b/i,
  /\b(high|excessive) (cpu|memory|ram) usage\b/i,
  /\blatency\b/i,
  /\bbottleneck\b/i,
];
export const PRIVATE_CONTEXT_WORDS: readonly RegExp[] = [
  /\bcredentials?\b/i,
  /\b(api|access|secret|production) keys?\b/i,
  /\bproduction (data|database|server|environment)\b/i,
  /\b(admin|owner|maintainer) (rights|access|permissions?)\b/i,
  /\b(repository|repo|organi[sz]ation) settings\b/i,
  /\bpin (this|the|an) issue\b/i,
  /\binstall (the |a )?[\w-]+ (github )?app\b/i,
  /\b(choose|pick|decide on|which) (a )?licen[cs]e\b/i,
  /\b(special|specific|dedicated) hardware\b/i,
  /\b(firmware|fpga|gpu|cuda|raspberry pi|arduino)\b/i,
];
/** A maintainer closing the question: the issue will not be done as asked. */
export const NOT_PLANNED_WORDS: readonly RegExp[] = [
  /\bwon'?t fix\b/i,
  /\bwontfix\b/i,
  /\bby design\b/i,
  /\bas designed\b/i,
  /\b(working|works) as (intended|expected|designed)\b/i,
  /\bintended behaviou?r\b/i,
  /\bnot a bug\b/i,
  /\b(can'?t|cannot|couldn'?t|unable to|not able to) reproduce\b/i,
  /\bduplicate of\b/i,
  /\b(dupe|duplicate) (of|issue)\b/i,
  /\bwrong (repo|repository|project|place)\b/i,
  /\bnot planned\b/i,
  /\bout of scope\b/i,
  /\bno plans? to\b/i,
  /\bnot something we\b/i,
  /\b(closing|closed) (this )?(as|since|because)\b/i,
];
/** A maintainer asking the reporter for more before anyone can act. */
export const INFO_REQUEST_WORDS: readonly RegExp[] = [
  /\b(can|could|would) you (please )?(share|provide|post|send|attach|give|paste|add|try|check|confirm|clarify|explain)\b/i,
  /\bwhich (version|browser|os|platform)\b/i,
  /\bwhat (version|browser|os|platform)\b/i,
  /\bmore (info|information|details|context)\b/i,
];
/** Vague requests: something would be nice, the behaviour is left to invent. */
export const VAGUE_REQUEST_WORDS: readonly RegExp[] = [
  /\bit would be (nice|great|good|cool|useful|helpful)\b/i,
  /\bwould be (nice|great|cool) (to|if)\b/i,
  /\bfeature request\b/i,
  /\b(ability|possibility) to\b/i,
  /\b(lots of|frequently|often|a few|various|many) (\w+ )?(places|pages|files|functions|docstrings|strings|modules|parts|tests)\b/i,
  /\b(gaps in (the )?|more |100 ?% |full )(code |test |function )?coverage\b/i,
  /^\s*(add )?support (for|of)\b/i,
];
