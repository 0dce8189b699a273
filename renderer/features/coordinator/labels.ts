import { snapshotKeyLabel } from '../../lib/snapshot-key-label';

/** A hub table key's label, with this feature's texts for the snapshot's own keys (durations, first visit, areas). */
export const keyLabel = (dimension: string, key: string): string => snapshotKeyLabel(dimension, key, 'coordinator');
