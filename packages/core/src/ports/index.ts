export type { ContributingGuide, ForgeCapabilities, ForgePort, IssueLocator, LabelSpec, ListedIssue, OpenIssuePage, Permission, RateLimitStatus } from './forge-port';
