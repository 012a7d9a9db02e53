export type { ContributingGuide, ForgeCapabilities, ForgePort, IssueLocator, LabelSpec, Permission } from './forge-port';
