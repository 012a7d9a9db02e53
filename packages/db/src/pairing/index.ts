export { loadPairingInput, pairingTimeAt, type PairingTime } from './load-pairing-input';
export { loadPairingLabels, type PairingLabels } from './pairing-labels';
export { refreshPairingProposals, toProposalRows, type PairingRefresh, type ProposalRow } from './refresh-pairing-proposals';
export { findPairingConsultant } from './pairing-consultant';
export { createPairingRefresher, type PairingRefresher, type PairingRefresherOptions } from './pairing-refresher';
