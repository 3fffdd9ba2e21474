import { useCallback, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { securityWriteSteps, type VaultSecurity } from '../../shared/vault-security.ts';
import type { VaultChoice } from '../../store/vault-slice.ts';

export type SecuritySaveState =
  | { status: 'idle' }
  | { status: 'saving'; stage: 'sending' | 'reading'; step: number; steps: number }
  | { status: 'saved'; requested: VaultSecurity; readBack: VaultSecurity; sent: boolean }
  | { status: 'failed'; stage: 'sending' | 'reading'; error: AzureError };

/**
 * Sends the vault PATCHes that take its security settings from `current` to `next` (two when locking
 * immutability from off), then reads the vault back: the read-back, not the request, is what Azure holds.
 * Nothing is sent when nothing changes. One save at a time.
 */
export function useSaveSecurity(subscriptionId: string, vault: VaultChoice) {
  const gateway = useArmGateway();
  const [state, setState] = useState<SecuritySaveState>({ status: 'idle' });
  const busy = useRef(false);

  const save = useCallback(
    async (next: VaultSecurity, current: VaultSecurity): Promise<VaultSecurity | null> => {
      if (busy.current) return null;
      busy.current = true;
      let stage: 'sending' | 'reading' = 'sending';
      try {
        const steps = securityWriteSteps(current, next);
        for (const [index, properties] of steps.entries()) {
          setState({ status: 'saving', stage, step: index + 1, steps: steps.length });
          await gateway.updateVaultSecurity(subscriptionId, vault.resourceGroup, vault.name, properties);
        }
        stage = 'reading';
        setState({ status: 'saving', stage, step: steps.length, steps: steps.length });
        const details = await gateway.getVaultDetails(subscriptionId, vault.resourceGroup, vault.name);
        if (!details) throw new Error(`The vault ${vault.name} is not in Azure any more.`);
        setState({ status: 'saved', requested: next, readBack: details.security, sent: steps.length > 0 });
        return details.security;
      } catch (error) {
        setState({ status: 'failed', stage, error: toAzureError(error) });
        return null;
      } finally {
        busy.current = false;
      }
    },
    [gateway, subscriptionId, vault.resourceGroup, vault.name],
  );

  return { state, save };
}
