import { useCallback, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { VaultStorageConfig } from '../../azure/storage-config.ts';
import type { ReplicationChoice } from '../../store/replication-slice.ts';
import type { VaultChoice } from '../../store/vault-slice.ts';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving'; stage: 'sending' | 'reading' }
  | { status: 'saved'; choice: ReplicationChoice; readBack: VaultStorageConfig; sent: boolean }
  | { status: 'failed'; stage: 'sending' | 'reading'; error: AzureError };

/**
 * Saves the choice through the vault's storage config, then reads it back: the read-back, not the request,
 * says what Azure holds. Nothing is sent when the vault already has the choice. One save at a time.
 */
export function useSaveReplication(subscriptionId: string, vault: VaultChoice) {
  const gateway = useArmGateway();
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const busy = useRef(false);

  const save = useCallback(
    async (choice: ReplicationChoice, current: VaultStorageConfig): Promise<VaultStorageConfig | null> => {
      if (busy.current) return null;
      busy.current = true;
      let stage: 'sending' | 'reading' = 'sending';
      try {
        const unchanged = choice.storageType === current.storageType && choice.crossRegionRestore === current.crossRegionRestore;
        if (!unchanged) {
          setState({ status: 'saving', stage });
          await gateway.setStorageConfig(subscriptionId, vault.resourceGroup, vault.name, choice);
        }
        stage = 'reading';
        setState({ status: 'saving', stage });
        const readBack = await gateway.getStorageConfig(subscriptionId, vault.resourceGroup, vault.name);
        setState({ status: 'saved', choice, readBack, sent: !unchanged });
        return readBack;
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
