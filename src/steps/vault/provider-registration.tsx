import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { PermissionError } from '../../components/permission-error.tsx';
import { RECOVERY_SERVICES, roleAdviceFor } from './vault-rules.ts';

// Real registrations take a minute or two; poll gently until ARM says Registered.
const POLL_MS = 5000;

type ProviderRegistrationProps = {
  subscriptionId: string;
  subscriptionName: string;
  registrationState: string;
  /** Reads the provider again (its state) once registration is sent or progresses. */
  onChanged: () => void;
};

/** Says that the subscription can't hold vaults yet, and registers the provider on request. */
export function ProviderRegistration({ subscriptionId, subscriptionName, registrationState, onChanged }: ProviderRegistrationProps) {
  const gateway = useArmGateway();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AzureError | null>(null);
  const sendingRef = useRef(false);
  const registering = registrationState === 'Registering';

  useEffect(() => {
    if (!registering) return;
    const timer = setInterval(onChanged, POLL_MS);
    return () => clearInterval(timer);
  }, [registering, onChanged]);

  const register = async () => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setError(null);
    try {
      await gateway.registerResourceProvider(subscriptionId, RECOVERY_SERVICES);
      onChanged();
    } catch (failure) {
      setError(toAzureError(failure));
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {registering ? `${RECOVERY_SERVICES} is being registered` : `${RECOVERY_SERVICES} is not registered in ${subscriptionName}`}
          </MessageBarTitle>
          A subscription must be registered with a resource provider before it can hold that provider’s resources, so
          no vault can be created here yet. Registering is a one-time action for the whole subscription; it needs
          Contributor or Owner on the subscription and can take a few minutes.
        </MessageBarBody>
        <MessageBarActions>
          {sending || registering ? (
            <Spinner size="tiny" label={registering ? 'Registering…' : 'Sending…'} />
          ) : (
            <Button appearance="primary" onClick={() => void register()}>
              Register {RECOVERY_SERVICES}
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
      {error && (
        <PermissionError
          title={`${RECOVERY_SERVICES} could not be registered`}
          error={error}
          roleAdvice={roleAdviceFor(`${RECOVERY_SERVICES}/register/action`, '')}
        />
      )}
    </>
  );
}
