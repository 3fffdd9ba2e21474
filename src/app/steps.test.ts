import { describe, expect, it } from 'vitest';
import { createWizardStore, type WizardState } from '../store/wizard-store.ts';
import { firstUnfinishedStep, missingPrerequisite, stepAfter, stepStatus, steps, stepById } from './steps.ts';

// A real store's fresh state, so these tests keep working as slices are added.
const freshState = (): WizardState => {
  const data = new Map<string, string>();
  const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
  return createWizardStore({ account: { tenantId: 't', homeAccountId: 'a' }, storage }).getState();
};

const state = (subscriptionId: string | null): WizardState => ({
  ...freshState(),
  setup: { subscriptionId, subscriptionName: subscriptionId && 'Contoso Production', updatedAt: null },
});

describe('wizard steps', () => {
  it('are listed once each, in the guide’s order, with unique paths', () => {
    expect(steps.map((step) => step.id)).toEqual([
      'subscription', 'vault', 'replication', 'goal', 'policy', 'vms', 'agent', 'network', 'review', 'enable', 'summary',
    ]);
    expect(new Set(steps.map((step) => step.path)).size).toBe(steps.length);
  });

  it('send a new user to the subscription step, and on once one is chosen', () => {
    expect(firstUnfinishedStep(state(null)).id).toBe('subscription');
    expect(firstUnfinishedStep(state('sub-1')).id).toBe('vault');
  });

  it('lock every step whose earlier steps are unfinished', () => {
    expect(missingPrerequisite('vault', state(null))?.id).toBe('subscription');
    expect(missingPrerequisite('vault', state('sub-1'))).toBeUndefined();
    expect(missingPrerequisite('policy', state('sub-1'))?.id).toBe('vault');
    expect(missingPrerequisite('subscription', state(null))).toBeUndefined();
  });

  it('report done, current, available and locked', () => {
    const chosen = state('sub-1');
    expect(stepStatus(stepById('subscription'), chosen, 'vault')).toBe('done');
    expect(stepStatus(stepById('vault'), chosen, 'vault')).toBe('current');
    expect(stepStatus(stepById('vault'), chosen, 'subscription')).toBe('available');
    expect(stepStatus(stepById('replication'), chosen, 'vault')).toBe('locked');
    expect(stepAfter('subscription')?.path).toBe('/setup/vault');
  });
});
