import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { TRUSTED_LAUNCH_STANDARD_FROM } from '../../readiness/index.ts';
import { useWizardStore } from '../../store/store-context.tsx';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The selected VMs that a Standard policy can't protect, named, with why (from their discovery). */
export function useVmsNeedingEnhanced(): { name: string; reasons: readonly string[] }[] {
  const vms = useWizardStore((s) => s.vms);
  return vms.selectedIds.flatMap((id) => {
    const summary = vms.summaries[id];
    return summary?.needsEnhanced?.length ? [{ name: summary.name, reasons: summary.needsEnhanced }] : [];
  });
}

/**
 * Shown while a Standard policy is chosen or drafted and selected VMs need Enhanced: Azure would refuse
 * them, so the Review step won't send the plan. Says so here, naming them, before anything is sent.
 */
export function EnhancedNotice({ policyName, kind }: { policyName: string; kind: 'chosen' | 'draft' }) {
  const styles = useStyles();
  const needing = useVmsNeedingEnhanced();
  if (needing.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {kind === 'chosen' ? `${policyName} is a Standard policy` : 'This new policy is a Standard policy'}: it can’t protect{' '}
          {needing.length === 1 ? 'one of the selected virtual machines' : `${needing.length} of the selected virtual machines`}
        </MessageBarTitle>
        They need an Enhanced policy. Choose or create one, or leave them out on the Virtual machines step; the Review step
        refuses the plan otherwise.
        <ul className={styles.list}>
          {needing.map((vm) => (
            <li key={vm.name}>
              <strong>{vm.name}</strong>: {vm.reasons.join('; ')}
            </li>
          ))}
        </ul>
        (Trusted Launch VMs take a Standard policy only through backup API {TRUSTED_LAUNCH_STANDARD_FROM.value} or later.)
      </MessageBarBody>
    </MessageBar>
  );
}
