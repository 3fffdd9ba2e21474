// Usage: node scripts/with-cert.ts <command> [args...]
// Node reads NODE_EXTRA_CA_CERTS only when a process starts, so tests and tools that call the
// local HTTPS emulator must be started by a parent that has already made the certificate.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificate } from '../emulator/cert.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const localBin = join(root, 'node_modules', '.bin');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-cert.ts <command> [args...]');
  process.exit(2);
}

const { caFile } = await ensureCertificate(join(root, '.certs'));
const local = join(localBin, command);
const child = spawn(existsSync(local) ? local : command, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_EXTRA_CA_CERTS: caFile,
    // Tools launched by their `#!/usr/bin/env node` line must get this project's Node, not the
    // system one, even when this wrapper was not started from an npm script.
    PATH: [localBin, dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter),
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`with-cert: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? constants.signals[signal] : 1));
});
