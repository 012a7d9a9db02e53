export type { ForgeCapabilities, ForgePort, IssueLocator, LabelSpec, Permission } from './forge-port';
