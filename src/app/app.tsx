import { FluentProvider, RendererProvider, webLightTheme, type GriffelRenderer } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import { AuthProvider, useSignedInAccount } from '../auth/auth-provider.tsx';
import type { AuthStart } from '../auth/start-auth.ts';
import { ArmGatewayProvider } from '../azure/gateway-context.tsx';
import type { ArmGateway } from '../azure/gateway.ts';
import { AppConfigProvider } from '../config/config-context.tsx';
import type { AppConfig } from '../config/env.ts';
import type { JournalRelay } from '../journal/relay.ts';
import { storageKeyFor } from '../store/storage-key.ts';
import { FullPageSpinner } from './full-page-spinner.tsx';
import { LandingPage } from './landing-page.tsx';

// Everything past sign-in (store, router, shell, steps) is its own chunk: the sign-in page never loads it.
const SignedInApp = lazy(() => import('./signed-in-app.tsx').then((m) => ({ default: m.SignedInApp })));

/** The theme, with the style renderer that carries the page's CSP nonce (src/app/style-renderer.ts). */
export function ThemeRoot({ renderer, children }: { renderer: GriffelRenderer; children: ReactNode }) {
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme} targetDocument={document}>
        {children}
      </FluentProvider>
    </RendererProvider>
  );
}

type AppProps = { config: AppConfig; auth: AuthStart; gateway: ArmGateway; journal: JournalRelay; styles: GriffelRenderer };

/** Everything the app needs is injected here by main.tsx; nothing below creates MSAL or SDK clients. */
export function App({ config, auth, gateway, journal, styles }: AppProps) {
  return (
    <ThemeRoot renderer={styles}>
      <AppConfigProvider config={config}>
        <AuthProvider msal={auth.msal} armScope={config.arm.scope}>
          <ArmGatewayProvider gateway={gateway}>
            <SignedInOrLanding signInError={auth.signInError} journal={journal} />
          </ArmGatewayProvider>
        </AuthProvider>
      </AppConfigProvider>
    </ThemeRoot>
  );
}

function SignedInOrLanding({ signInError, journal }: { signInError: unknown; journal: JournalRelay }) {
  const account = useSignedInAccount();
  if (!account) return <LandingPage signInError={signInError} />;
  return (
    <Suspense fallback={<FullPageSpinner label="Loading the wizard…" />}>
      <SignedInApp key={storageKeyFor(account)} account={account} journal={journal} />
    </Suspense>
  );
}
