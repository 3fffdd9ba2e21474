// The first step of `npm test`: the browser and command-line tools the tests need — Chromium (browser tests),
// pdftotext (the printed summary) and shellcheck (the az CLI export; required in CI). What is missing is
// installed where that can be done: Debian's packages when running as root, else Playwright's own Chromium
// download. Otherwise the run stops before any test with one line saying exactly what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ToolName = 'chromium' | 'pdftotext' | 'shellcheck';
export const DEBIAN_PACKAGE: Record<ToolName, string> = { chromium: 'chromium', pdftotext: 'poppler-utils', shellcheck: 'shellcheck' };

export type Situation = {
  missing: readonly ToolName[];
  isRoot: boolean;
  hasApt: boolean;
  /** CI must lint the CLI export, so shellcheck is required there. */
  ci: boolean;
  tried: ReadonlySet<'apt' | 'playwright'>;
};

export type Step =
  | { kind: 'done'; warning?: string }
  | { kind: 'apt'; packages: string[] }
  | { kind: 'playwright' }
  | { kind: 'stop'; line: string };

/** What to do next; called again after each install until it says done or stop. */
export function nextStep({ missing, isRoot, hasApt, ci, tried }: Situation): Step {
  const required = missing.filter((tool) => tool !== 'shellcheck' || ci);
  if (missing.length > 0 && isRoot && hasApt && !tried.has('apt')) {
    return { kind: 'apt', packages: missing.map((tool) => DEBIAN_PACKAGE[tool]) };
  }
  if (required.includes('chromium') && !tried.has('playwright')) return { kind: 'playwright' };
  if (required.length === 0) {
    return missing.includes('shellcheck')
      ? { kind: 'done', warning: 'shellcheck is not installed: the az CLI export is not linted (apt-get install shellcheck).' }
      : { kind: 'done' };
  }
  const packages = missing.map((tool) => DEBIAN_PACKAGE[tool]).join(' ');
  const line = hasApt
    ? `npm test needs ${required.join(', ')}: run "${isRoot ? '' : 'sudo '}apt-get update && ${isRoot ? '' : 'sudo '}apt-get install -y ${packages}", then npm test again.`
    : `npm test needs ${required.join(', ')}: install ${required.map((tool) => DEBIAN_PACKAGE[tool]).join(', ')} with your package manager${required.includes('chromium') ? ' (or run "npx playwright install chromium")' : ''}, then npm test again.`;
  return { kind: 'stop', line };
}

const root = fileURLToPath(new URL('..', import.meta.url));
const onPath = (command: string) =>
  (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));

/** Debian's Chromium, which playwright.config.ts prefers, or Playwright's own. */
async function hasChromium(): Promise<boolean> {
  if (existsSync('/usr/bin/chromium')) return true;
  const { chromium } = await import('@playwright/test');
  return existsSync(chromium.executablePath());
}

async function missingTools(): Promise<ToolName[]> {
  const missing: ToolName[] = [];
  if (!(await hasChromium())) missing.push('chromium');
  if (!onPath('pdftotext')) missing.push('pdftotext');
  if (!onPath('shellcheck')) missing.push('shellcheck');
  return missing;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 15 * 60_000 }).status === 0;
}

async function main(): Promise<number> {
  const tried = new Set<'apt' | 'playwright'>();
  const base = { isRoot: process.getuid?.() === 0, hasApt: onPath('apt-get'), ci: !!process.env['CI'] };
  for (;;) {
    const step = nextStep({ ...base, missing: await missingTools(), tried });
    if (step.kind === 'done') {
      if (step.warning) console.warn(step.warning);
      return 0;
    }
    if (step.kind === 'stop') {
      console.error(step.line);
      return 1;
    }
    tried.add(step.kind);
    if (step.kind === 'apt') {
      console.log(`Installing ${step.packages.join(' ')} (Debian packages) for the tests…`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      if (run('apt-get', ['update', '-qq'], env)) run('apt-get', ['install', '-y', '-qq', ...step.packages], env);
    } else {
      console.log("Downloading Playwright's Chromium for the browser tests…");
      run(join(root, 'node_modules', '.bin', 'playwright'), ['install', 'chromium']);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(await main());
