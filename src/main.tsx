import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './app/app.tsx';
import { StartupErrorPage } from './app/startup-error-page.tsx';
import { createStyleRenderer } from './app/style-renderer.ts';
import { createArmCredential } from './auth/credential.ts';
import { startAuth } from './auth/start-auth.ts';
import { toAzureError } from './azure/errors.ts';
import { createLazyArmGateway } from './azure/lazy-gateway.ts';
import { loadConfig } from './config/env.ts';
import { createJournalRelay } from './journal/relay.ts';

// Fluent UI's styles carry the page's CSP nonce; one renderer for whatever is rendered.
const styles = createStyleRenderer(document);

/** The composition root: the only place that reads configuration and wires MSAL to the ARM gateway. */
async function main(root: Root) {
  const loaded = loadConfig();
  if (!loaded.ok) {
    root.render(
      <StartupErrorPage
        styles={styles}
        title="The wizard is not configured correctly"
        intro="These configuration values are missing or wrong:"
        problems={loaded.problems}
        advice="Fix them in the build environment (for example .env.local), rebuild, and reload this page."
      />,
    );
    return;
  }
  const { config } = loaded;
  const auth = await startAuth(config);
  // Every write the gateway makes is journaled; the relay hands the entries to the signed-in account's store.
  const journal = createJournalRelay();
  const gateway = createLazyArmGateway({
    endpoint: config.arm.endpoint,
    credential: createArmCredential(auth.msal, config.arm.scope),
    journal,
  });
  root.render(
    <StrictMode>
      <App config={config} auth={auth} gateway={gateway} journal={journal} styles={styles} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);
main(root).catch((error: unknown) => {
  console.error(error);
  const detail = toAzureError(error);
  root.render(
    <StartupErrorPage
      styles={styles}
      title="The wizard could not start"
      intro="Starting sign-in failed:"
      problems={[`${detail.code}: ${detail.message}`]}
      advice="Check that the identity provider is reachable, then reload this page."
    />,
  );
});
