import { useEffect, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';

export const NAME_CHECK_DEBOUNCE_MS = 400;

export type Availability =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'available' }
  | { status: 'taken'; reason: string; message: string }
  | { status: 'failed'; error: AzureError };

export type NameCheck = {
  subscriptionId: string;
  name: string;
  /** The group whose URL carries the check (the answer covers the whole subscription). */
  scopeResourceGroup: string;
  location: string;
};

/**
 * Asks ARM whether the vault name is free, ~400 ms after the user stops typing. `check` is null while the name
 * breaks a local rule or the group or region is not chosen yet: then nothing is sent.
 */
export function useNameAvailability(check: NameCheck | null): Availability {
  const gateway = useArmGateway();
  const key = check && `${check.subscriptionId}|${check.scopeResourceGroup}|${check.location}|${check.name}`;
  const [result, setResult] = useState<{ key: string; availability: Availability } | null>(null);

  useEffect(() => {
    if (!check || key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      gateway.checkVaultName(check.subscriptionId, check.scopeResourceGroup, check.location, check.name).then(
        (answer) => {
          if (!current) return;
          setResult({
            key,
            availability: answer.available ? { status: 'available' } : { status: 'taken', reason: answer.reason, message: answer.message },
          });
        },
        (error: unknown) => {
          if (current) setResult({ key, availability: { status: 'failed', error: toAzureError(error) } });
        },
      );
    }, NAME_CHECK_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `check` is fully described by `key`, so the effect re-runs exactly when the question changes.
  }, [gateway, key]);

  if (key === null) return { status: 'idle' };
  return result?.key === key ? result.availability : { status: 'checking' };
}
