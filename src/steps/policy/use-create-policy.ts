import { useCallback, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { PolicyWriteStage } from '../../azure/policies.ts';
import type { VaultRef, VmBackupPolicy, VmPolicyPayload } from '../../azure/policy-types.ts';

export type CreationState =
  | { status: 'idle' }
  | { status: 'working'; name: string; stage: PolicyWriteStage }
  | { status: 'created'; policy: VmBackupPolicy }
  | { status: 'exists'; policy: VmBackupPolicy }
  | { status: 'failed'; name: string; error: AzureError };

export const STAGE_TEXT: Record<PolicyWriteStage, string> = {
  checking: 'Checking that the name is free in the vault…',
  sending: 'Sending the policy to Azure…',
  waiting: 'Waiting for Azure to save the policy…',
  reading: 'Reading back what Azure saved…',
};

/**
 * Creates a policy through the gateway and follows it to the end. A second call while one is running is
 * ignored, so a double click (or Enter pressed twice) can never send the policy twice.
 */
export function useCreatePolicy() {
  const gateway = useArmGateway();
  const [state, setState] = useState<CreationState>({ status: 'idle' });
  const running = useRef(false);

  const create = useCallback(
    async (vault: VaultRef, name: string, payload: VmPolicyPayload): Promise<CreationState> => {
      if (running.current) return { status: 'idle' };
      running.current = true;
      let next: CreationState;
      setState({ status: 'working', name, stage: 'checking' });
      try {
        const result = await gateway.createVmPolicy(vault, name, payload, {
          onStage: (stage) => setState({ status: 'working', name, stage }),
        });
        next = { status: result.outcome, policy: result.policy };
      } catch (error) {
        next = { status: 'failed', name, error: toAzureError(error) };
      } finally {
        running.current = false;
      }
      setState(next);
      return next;
    },
    [gateway],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, create, reset };
}
