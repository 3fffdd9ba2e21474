import type { StateCreator } from 'zustand';
import type { WizardState } from './wizard-store.ts';

/** Injected into every slice so tests control time. */
export type StoreDeps = { now: () => Date };

/** A slice sees the whole combined state; persist is applied once, on the combined store. */
export type SliceCreator<Slice> = StateCreator<WizardState, [['zustand/persist', unknown]], [], Slice>;
