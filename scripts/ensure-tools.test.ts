import { describe, expect, it } from 'vitest';
import { nextStep, type Situation } from './ensure-tools.ts';

const situation = (change: Partial<Situation>): Situation => ({ missing: [], isRoot: false, hasApt: true, ci: false, tried: new Set(), ...change });

describe('what npm test does about missing tools', () => {
  it('nothing when everything is there', () => {
    expect(nextStep(situation({}))).toEqual({ kind: 'done' });
  });

  it('installs Debian’s packages when running as root, all in one go', () => {
    expect(nextStep(situation({ missing: ['chromium', 'pdftotext', 'shellcheck'], isRoot: true }))).toEqual({
      kind: 'apt',
      packages: ['chromium', 'poppler-utils', 'shellcheck'],
    });
  });

  it("falls back to Playwright's own Chromium when apt is not possible or did not help", () => {
    expect(nextStep(situation({ missing: ['chromium'] }))).toEqual({ kind: 'playwright' });
    expect(nextStep(situation({ missing: ['chromium'], isRoot: true, tried: new Set(['apt']) }))).toEqual({ kind: 'playwright' });
  });

  it('stops before any test with one line saying exactly what to run', () => {
    const step = nextStep(situation({ missing: ['chromium', 'pdftotext'], tried: new Set(['playwright']) }));
    expect(step).toEqual({
      kind: 'stop',
      line: 'npm test needs chromium, pdftotext: run "sudo apt-get update && sudo apt-get install -y chromium poppler-utils", then npm test again.',
    });
    if (step.kind === 'stop') expect(step.line).not.toContain('\n');
    const noApt = nextStep(situation({ missing: ['chromium'], hasApt: false, tried: new Set(['playwright']) }));
    expect(noApt.kind === 'stop' && noApt.line).toContain('npx playwright install chromium');
  });

  it('goes on without shellcheck outside CI, with a warning; in CI it is required', () => {
    expect(nextStep(situation({ missing: ['shellcheck'] }))).toMatchObject({ kind: 'done', warning: expect.stringContaining('shellcheck') });
    expect(nextStep(situation({ missing: ['shellcheck'], ci: true }))).toMatchObject({ kind: 'stop' });
  });
});
