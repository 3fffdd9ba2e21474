import { useCallback, useRef, useState } from 'react';
import { RECOVERY_SERVICES_API_VERSION, RESOURCES_API_VERSION } from '../../azure/api-versions.ts';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { OperationProgress, VaultSummary } from '../../azure/vaults.ts';
import type { VaultSecurity } from '../../shared/vault-security.ts';
import type { CreatePlan } from './vault-rules.ts';

export const PLAN_API_VERSIONS = { resources: RESOURCES_API_VERSION, recoveryServices: RECOVERY_SERVICES_API_VERSION };

export type CreateStep = 'checking' | 'resourceGroup' | 'vault' | 'security' | 'reading';

export type CreateState =
  | { status: 'idle' }
  | { status: 'running'; step: CreateStep; operation: OperationProgress | null }
  /** A vault by that name is already in that group and region: nothing was created, it can be used as is. */
  | { status: 'exists'; vault: VaultSummary }
  /** A vault by that name is in that group but another region: a vault can't move, so nothing was sent. */
  | { status: 'conflict'; vault: VaultSummary }
  /** `security` is what Azure reports once the vault exists: the read-back, not the request. */
  | { status: 'created'; vault: VaultSummary; createdResourceGroup: boolean; security: VaultSecurity }
  | { status: 'failed'; step: CreateStep; error: AzureError };

/**
 * Runs a create plan: GET the vault first (never a second vault by the same name), then the resource group PUT
 * if the group is new, then the vault PUT, followed to the end of its long-running operation, then the PATCHes
 * that finish its security settings (locking immutability), and a GET that reads the settings back. A second
 * call while one runs is ignored (it resolves to null), so a double click can't send anything twice.
 */
export function useCreateVault(subscriptionId: string) {
  const gateway = useArmGateway();
  const [state, setState] = useState<CreateState>({ status: 'idle' });
  const running = useRef(false);

  const run = useCallback(
    async (plan: CreatePlan): Promise<CreateState | null> => {
      if (running.current) return null;
      running.current = true;
      let step: CreateStep = 'checking';
      const finish = (final: CreateState) => {
        setState(final);
        return final;
      };
      try {
        setState({ status: 'running', step, operation: null });
        const existing = await gateway.findVault(subscriptionId, plan.resourceGroup, plan.vaultName);
        if (existing) {
          const sameRegion = existing.location.toLowerCase() === plan.location.toLowerCase();
          return finish({ status: sameRegion ? 'exists' : 'conflict', vault: existing });
        }
        if (plan.resourceGroupRequest) {
          step = 'resourceGroup';
          setState({ status: 'running', step, operation: null });
          await gateway.createResourceGroup(subscriptionId, plan.resourceGroup, plan.resourceGroupRequest.body);
        }
        step = 'vault';
        setState({ status: 'running', step, operation: 'notStarted' });
        const vault = await gateway.createVault(subscriptionId, plan.resourceGroup, plan.vaultName, plan.vaultRequest.body, (operation) =>
          setState({ status: 'running', step: 'vault', operation }),
        );
        for (const request of plan.securityRequests) {
          step = 'security';
          setState({ status: 'running', step, operation: 'notStarted' });
          await gateway.updateVaultSecurity(subscriptionId, plan.resourceGroup, plan.vaultName, request.body.properties, (operation) =>
            setState({ status: 'running', step: 'security', operation }),
          );
        }
        step = 'reading';
        setState({ status: 'running', step, operation: null });
        const details = await gateway.getVaultDetails(subscriptionId, plan.resourceGroup, plan.vaultName);
        return finish({ status: 'created', vault, createdResourceGroup: plan.resourceGroupRequest !== null, security: details?.security ?? plan.security });
      } catch (error) {
        return finish({ status: 'failed', step, error: toAzureError(error) });
      } finally {
        running.current = false;
      }
    },
    [gateway, subscriptionId],
  );

  const reset = useCallback(() => {
    if (!running.current) setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
