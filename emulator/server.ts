// `npm start` / `npm run emulator`: the local Azure on one HTTPS origin.
import { startEmulator } from './app.ts';
import { readConfig } from './config.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Node ${process.versions.node} is too old: run through npm (npm start), which uses the project's pinned Node 24.`);
  process.exit(1);
}

let config;
try {
  config = readConfig();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}

const emulator = await startEmulator(config);
const users = emulator.store.identity.users;
console.log(`
  Local Azure is running at ${emulator.origin}/
    app         ${emulator.origin}/
    sign-in     ${emulator.origin}/idp   (OpenID Connect issuer)
    ARM         ${emulator.origin}/arm   (use as the SDKs' endpoint)
    controls    ${emulator.origin}/_emulator  (loopback only)

  Demo accounts:
${users.map((u) => `    ${u.userPrincipalName.padEnd(28)} password ${u.password.padEnd(8)} ${u.displayName}`).join('\n')}

  Certificate: trust ${config.certDir}/ca.pem once (see README), or accept the browser warning.
  Fixture: ${config.fixture}
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
