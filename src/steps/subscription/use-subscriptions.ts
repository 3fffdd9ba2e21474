import { useCallback, useEffect, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { Subscription } from '../../azure/subscriptions.ts';

export type SubscriptionsState =
  | { status: 'loading' }
  | { status: 'loaded'; subscriptions: Subscription[] }
  | { status: 'failed'; error: AzureError };

/** Lists the account's subscriptions through the gateway; `retry` runs the request again. */
export function useSubscriptions(): { state: SubscriptionsState; retry: () => void } {
  const gateway = useArmGateway();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SubscriptionsState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    gateway.listSubscriptions().then(
      (subscriptions) => {
        if (current) setState({ status: 'loaded', subscriptions });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error: toAzureError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [gateway, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
