import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { regionsLeft } from '../../plan/next-region.ts';
import { policyDraftFromProperties } from '../../plan/policy-draft-from.ts';
import { countOf } from '../../plan/words.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { stepById } from '../steps.ts';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  names: { color: tokens.colorNeutralForeground2 },
});

/**
 * After a region is done: the regions whose VMs are left, each a button that starts its setup with the same
 * policy settings (a new policy of the same name in the next vault, since a policy belongs to its vault).
 */
export function NextRegion() {
  const styles = useStyles();
  const gateway = useArmGateway();
  const navigate = useNavigate();
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId);
  const vault = useWizardStore((s) => s.vault.chosen);
  const policy = useWizardStore((s) => s.policy.chosen);
  const protectedCount = useWizardStore((s) => s.vms.selectedIds.length);
  const completed = useWizardStore((s) => s.setups.completed);
  const startNextRegion = useWizardStore((s) => s.startNextRegion);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<AzureError | null>(null);

  const vms = useArmQuery(subscriptionId ? `vms|${subscriptionId}` : null, () => gateway.listVirtualMachines(subscriptionId ?? ''));
  if (!subscriptionId || !vault) return null;
  const done = [vault.location, ...completed.map((setup) => setup.location)];

  const start = async (region: string) => {
    setStarting(region);
    setError(null);
    try {
      const read = policy
        ? await gateway.getVmPolicy({ subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name }, policy.name)
        : null;
      startNextRegion({
        finished: { vaultId: vault.id, vaultName: vault.name, location: vault.location, policyName: policy?.name ?? '', vmCount: protectedCount },
        region,
        policyDraft: read?.properties ? policyDraftFromProperties(read.name, read.properties) : null,
      });
      void navigate(stepById('vault').path);
    } catch (reason) {
      setError(toAzureError(reason));
      setStarting(null);
    }
  };

  if (vms.state.status === 'loading') return <Spinner size="small" label="Looking for virtual machines in other regions…" />;
  if (vms.state.status === 'failed') return <ErrorPanel title="The virtual machines could not be listed" error={vms.state.error} onRetry={vms.retry} />;
  const left = vms.state.status === 'loaded' ? regionsLeft(vms.state.data, done) : [];
  if (left.length === 0) return <Body1>Every region with virtual machines in this subscription has a finished setup.</Body1>;
  return (
    <>
      {error && <ErrorPanel title="The policy to carry over could not be read" error={error} />}
      <ul className={styles.list}>
        {left.map((region) => (
          <li key={region.location} className={styles.row}>
            <Button
              icon={<ArrowRight20Regular />}
              iconPosition="after"
              disabledFocusable={starting !== null}
              onClick={() => void start(region.location)}
            >
              Set up the next region: {region.location}
            </Button>
            <Body1 className={styles.names}>
              {countOf(region.vms.length, 'virtual machine')}: {region.vms.slice(0, 5).map((vm) => vm.name).join(', ')}
              {region.vms.length > 5 ? ', …' : ''}
            </Body1>
          </li>
        ))}
      </ul>
    </>
  );
}
