export { Address } from './address';
export { Agreement, isAgreementInForce } from './agreement';
export { AvailabilityWindow, MAX_MINUTES_PER_DAY } from './availability-window';
export {
  BENEFICIARY_KINDS,
  Beneficiary,
  BeneficiaryKind,
  EligibilityBasis,
  LegalIdentity,
  SpdxLicenceId,
} from './beneficiary';
export { CLAIM_ENDINGS, Claim, ClaimEnding, isClaimOpen } from './claim';
export { Consultant, DEFAULT_OPEN_CLAIMS_LIMIT, ForgeIdentity, Skill, SkillLevel } from './consultant';
export {
  CONTRIBUTION_KINDS,
  Contribution,
  ContributionKind,
  REVIEW_STATUSES,
  ReviewStatus,
} from './contribution';
export { ADDRESS_NOT_GIVEN, formatAddress, normaliseSiren } from './legal-identity-input';
export { PairingProposal } from './pairing-proposal';
export {
  Cents,
  FORGES,
  Forge,
  Host,
  Id,
  Instant,
  IsoDate,
  LanguageTag,
  Login,
  Minutes,
  Tag,
  Text,
  WebUrl,
} from './primitives';
export { Repository } from './repository';
export { Rna, Siren, hasValidLuhnChecksum } from './siren';
export { Sponsor, ValuationSettings } from './sponsor';
export { TASK_CATEGORIES, Task, TaskCategory } from './task';
export { TIME_LOG_SOURCES, MAX_TIME_LOG_MINUTES, TimeLog, TimeLogSource } from './time-log';
export { addDays, compareDates, compareInstants, toEpochMilliseconds, utcDateOf } from './time';
