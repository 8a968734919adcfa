/** The recovery area's public face: the store of unsaved text that survives a crash, a killed process or a reload. */
export { createRecoveryStore, entryFileName, MAX_ENTRIES, MAX_ENTRY_BYTES, type RecoveryEntry, type RecoveryStore } from './recovery-store';
