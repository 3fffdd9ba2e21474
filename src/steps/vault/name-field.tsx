import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { VaultSummary } from '../../azure/vaults.ts';
import type { Availability } from './use-name-availability.ts';

const useStyles = makeStyles({
  lines: { display: 'inline-flex', flexDirection: 'column', verticalAlign: 'top' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** What the availability answer means here: free, reusable (same group and region), or taken elsewhere. */
export type NameVerdict =
  | { kind: 'none' }
  | { kind: 'checking' }
  | { kind: 'available' }
  | { kind: 'reusable'; vault: VaultSummary }
  | { kind: 'taken'; message: string }
  | { kind: 'unchecked'; message: string };

export function nameVerdict(
  availability: Availability,
  name: string,
  target: { resourceGroup: string; location: string },
  findVault: (name: string) => VaultSummary | null,
  regionName: (location: string) => string,
): NameVerdict {
  switch (availability.status) {
    case 'idle':
      return { kind: 'none' };
    case 'checking':
      return { kind: 'checking' };
    case 'available':
      return { kind: 'available' };
    case 'failed':
      return {
        kind: 'unchecked',
        message: `Whether the name is free could not be checked (${availability.error.code}). It is checked again, by reading the vault, before anything is created.`,
      };
    case 'taken': {
      if (availability.reason !== 'AlreadyExists') return { kind: 'taken', message: availability.message };
      const owner = findVault(name);
      if (!owner) return { kind: 'taken', message: `A vault named ${name} already exists in this subscription. Vault names are unique in a subscription: choose another name.` };
      const where = `resource group ${owner.resourceGroup} (${regionName(owner.location)})`;
      const sameGroup = owner.resourceGroup.toLowerCase() === target.resourceGroup.toLowerCase();
      if (sameGroup && owner.location.toLowerCase() === target.location.toLowerCase()) return { kind: 'reusable', vault: owner };
      return { kind: 'taken', message: `A vault named ${owner.name} already exists in ${where}. Vault names are unique in a subscription: choose another name.` };
    }
  }
}

type NameFieldProps = {
  value: string;
  problems: readonly string[];
  showProblems: boolean;
  verdict: NameVerdict;
  regionName: (location: string) => string;
  onChange: (value: string) => void;
  onUseVault: (vault: VaultSummary) => void;
};

/** The vault name with its rules checked as typed, then its availability once the rules pass. */
export function NameField({ value, problems, showProblems, verdict, regionName, onChange, onUseVault }: NameFieldProps) {
  const styles = useStyles();
  const shown = showProblems && problems.length > 0;
  let state: 'error' | 'warning' | 'success' | 'none' = 'none';
  let message: ReactNode = null;
  if (shown) {
    state = 'error';
    message = (
      <span className={styles.lines}>
        {problems.map((problem) => (
          <span key={problem}>{problem}</span>
        ))}
      </span>
    );
  } else if (verdict.kind === 'checking') {
    message = 'Checking whether the name is available…';
  } else if (verdict.kind === 'available') {
    state = 'success';
    message = `${value} is available.`;
  } else if (verdict.kind === 'taken') {
    state = 'error';
    message = verdict.message;
  } else if (verdict.kind === 'unchecked') {
    state = 'warning';
    message = verdict.message;
  } else if (verdict.kind === 'reusable') {
    state = 'warning';
    message = `A vault named ${verdict.vault.name} already exists in this resource group and region.`;
  }
  return (
    <div className={styles.root}>
      <Field
        label="Vault name"
        required
        hint="2 to 50 characters: letters, digits and hyphens, starting with a letter. Unique in the subscription."
        validationState={state}
        validationMessage={message}
      >
        <Input value={value} onChange={(_, data) => onChange(data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      {!shown && verdict.kind === 'reusable' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {verdict.vault.name} already exists in resource group {verdict.vault.resourceGroup} (
            {regionName(verdict.vault.location)}). Use it instead of creating another vault: nothing is sent.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onUseVault(verdict.vault)}>
              Use {verdict.vault.name}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
