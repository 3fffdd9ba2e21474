// Starts the emulator once for the conformance suite (unless it targets live Azure).
import type { TestProject } from 'vitest/node';
import { startEmulator } from '../app.ts';
import { readConfig } from '../config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env['CONFORMANCE_TARGET'] === 'azure') {
    project.provide('origin', '');
    return;
  }
  const emulator = await startEmulator(readConfig(['--port', '0', '--lro-delay-ms', '0', '--graph-lag-ms', '0'], {}));
  project.provide('origin', emulator.origin);
  return async () => {
    await emulator.close();
  };
}
