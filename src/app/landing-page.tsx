import { Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useAuthActions } from '../auth/auth-provider.tsx';
import { toAzureError } from '../azure/errors.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { useAppConfig } from '../config/config-context.tsx';
import { ProductHeader } from './shell/product-header.tsx';
import { SkipLink } from './shell/skip-link.tsx';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    ':focus': { outline: 'none' },
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase400 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
});

/**
 * What to do after a sign-in that did not complete. The generic advice for auth errors says to sign out and in
 * again, which makes no sense to someone who is not signed in.
 */
function signInRemedy(code: string): string {
  if (code === 'access_denied' || code === 'user_cancelled') {
    return 'You cancelled the sign-in, so you are not signed in. Choose Sign in to start again.';
  }
  return 'Choose Sign in to try again. If it fails again, report the code shown here.';
}

/** Reads `?login_hint=` so a link (or a test) can start sign-in for a known user without the account picker. */
function loginHintFromUrl(): string | undefined {
  return new URLSearchParams(window.location.search).get('login_hint')?.trim() || undefined;
}

export function LandingPage({ signInError }: { signInError: unknown }) {
  const styles = useStyles();
  const config = useAppConfig();
  const { signIn } = useAuthActions();
  const [loginHint] = useState(loginHintFromUrl);
  const [redirecting, setRedirecting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const error = startError ?? signInError;

  const onSignIn = () => {
    setRedirecting(true);
    setStartError(null);
    signIn(loginHint).catch((reason: unknown) => {
      setRedirecting(false);
      setStartError(reason);
    });
  };

  return (
    <div className={styles.page}>
      <SkipLink targetId="main" />
      <ProductHeader />
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.card}>
          <PageHeading>Prepare Azure to back up your virtual machines</PageHeading>
          <Body1 as="p">
            Before Azure Backup can protect a Resource Manager virtual machine, a few things must be in place. This
            wizard checks what your subscription already has and walks you through the rest, using your own Azure
            permissions:
          </Body1>
          <ul className={styles.list}>
            <li>a Recovery Services vault in the same region as your virtual machines, with its storage replication;</li>
            <li>a backup goal, a backup policy, and the virtual machines to protect;</li>
            <li>the Azure VM Agent on each virtual machine;</li>
            <li>network connectivity for the backup extension.</li>
          </ul>
          {config.target === 'local' && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                You are using the local Azure emulator. Sign in with a demo account such as alice@contoso.example
                (password: demo).
              </MessageBarBody>
            </MessageBar>
          )}
          {error !== null && <SignInError error={error} />}
          <div className={styles.actions}>
            <Button appearance="primary" size="large" onClick={onSignIn} disabled={redirecting}>
              Sign in
            </Button>
            {loginHint && !redirecting && <Body1>You will sign in as {loginHint}.</Body1>}
            <span role="status">{redirecting && <Spinner size="tiny" label="Redirecting to sign-in…" />}</span>
          </div>
        </div>
      </main>
    </div>
  );
}

function SignInError({ error }: { error: unknown }) {
  const detail = toAzureError(error);
  return <ErrorPanel title="Sign-in did not complete" error={detail} remedy={signInRemedy(detail.code)} />;
}
