export type {
  Actor,
  ChangeRequestRef,
  Forge,
  ForgeEvent,
  ForgeEventKind,
  IssueAction,
  IssueRef,
  RepositoryRef,
} from './forge-event';
