export { type AdminOutcome } from './outcome';
export { type Named, type NamedConsultant, describeNamed } from './references';
export {
  addBeneficiary,
  linkRepository,
  listBeneficiaries,
  listRepositories,
  unlinkRepository,
  type Added,
  type BeneficiaryInput,
  type BeneficiaryKindColumn,
  type BeneficiaryRecord,
  type EligibilityColumn,
  type LinkResult,
  type RepositoryRecord,
  type RepositoryReference,
} from './beneficiaries';
export { addReviewer, addSponsor, listSponsors, type ReviewerRecord, type SponsorInput, type SponsorRecord } from './sponsors';
export {
  addConsultant,
  addIdentity,
  describeIdentity,
  listConsultants,
  removeIdentity,
  setSkills,
  type ConsultantChange,
  type ConsultantInput,
  type ConsultantRecord,
  type IdentityInput,
  type SkillInput,
  type WindowRecord,
} from './consultants';
export {
  addWindow,
  describeWindow,
  endAvailability,
  listWindows,
  type EndedWindow,
  type WindowInput,
  type WindowsOfConsultant,
} from './availability';
export { addAgreement, describeAgreementPeriod, listAgreements, type AgreementInput, type AgreementRecord } from './agreements';
export { CLAIM_RECALLED_EVENT, recallConsultant, recallDeliveryId, type RecallResult, type RecalledClaim } from './recall';
export {
  GRANTED_ROLES,
  findGrants,
  listGrants,
  resolveGrantScope,
  revokeGrant,
  type GrantLogin,
  type GrantRecord,
  type GrantScope,
  type GrantScopeInput,
  type GrantedRole,
  type ResolvedGrantScope,
} from './grants';
