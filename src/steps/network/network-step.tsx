import { Body1, Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { stepById } from '../../app/steps.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StepFooter } from '../../components/step-footer.tsx';
import { useVmChecks } from '../../components/use-vm-checks.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { isNetworkStepComplete, networkRiskAcknowledged, networkVmCleared } from '../../store/network-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { selectSelectedVmIds, selectVmSummaries } from '../../store/vms-slice.ts';
import { AllowRuleFix } from './allow-rule-fix.tsx';
import { checkNetworks, type NetworkOutcome, type VmNetworkView } from './network-check.ts';
import { NetworkOptions } from './network-options.tsx';
import { NetworkTable, type NetworkRow } from './network-table.tsx';
import { NetworkVmCard } from './network-vm-card.tsx';
import { ProxyPath } from './proxy-path.tsx';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  paragraph: { margin: 0, maxWidth: '90ch' },
});

const nameFromId = (id: string): string => id.split('/').filter(Boolean).at(-1) ?? id;
const groupFromId = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

function statusText(rows: NetworkRow[], checking: number): string {
  if (checking > 0) return `Checking the network of ${checking} of ${rows.length} virtual machines…`;
  const count = (verdict: VmNetworkView['verdict']) => rows.filter((r) => r.entry?.outcome?.kind === 'checked' && r.entry.outcome.view.verdict === verdict).length;
  const failed = rows.filter((r) => r.entry?.outcome && r.entry.outcome.kind !== 'checked').length;
  return `Checked ${rows.length} virtual machines: ${count('ready')} ready, ${count('attention')} need attention, ${count('blocked')} blocked${failed > 0 ? `, ${failed} couldn't be checked` : ''}.`;
}

/** The Network step: outbound HTTPS per selected VM, the guide's two ways to open it, and both fixes. */
export function NetworkStep() {
  const styles = useStyles();
  const step = stepById('network');
  const gateway = useArmGateway();
  const vmIds = useWizardStore(selectSelectedVmIds);
  const summaries = useWizardStore(selectVmSummaries);
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId) ?? '';
  const network = useWizardStore((s) => s.network);
  const complete = useWizardStore(isNetworkStepComplete);
  const recordNetworkCheck = useWizardStore((s) => s.recordNetworkCheck);
  const acknowledge = useWizardStore((s) => s.acknowledgeNetworkRisk);
  const [fixVmId, setFixVmId] = useState<string | null>(null);
  const proxyChosen = network.proxy !== null;

  // On the guide's proxy path HTTPS to 168.63.129.16 counts too, so the checks depend on that choice.
  const run = useCallback(
    (ids: readonly string[], onOutcome: (vmId: string, outcome: NetworkOutcome) => void) =>
      checkNetworks(gateway, ids, onOutcome, { guidePath: proxyChosen }),
    [gateway, proxyChosen],
  );
  const record = useCallback(
    (vmId: string, outcome: NetworkOutcome) => {
      if (outcome.kind !== 'checked') return;
      const { verdict, path, findings } = outcome.view;
      recordNetworkCheck(vmId, { verdict, path, findings: findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId) });
    },
    [recordNetworkCheck],
  );
  const { entryOf, checkAgain, checkingCount } = useVmChecks(vmIds, run, record);
  const checkedWithProxy = useRef(proxyChosen);
  useEffect(() => {
    if (checkedWithProxy.current === proxyChosen) return;
    checkedWithProxy.current = proxyChosen;
    checkAgain(vmIds);
  }, [proxyChosen, vmIds, checkAgain]);

  const rows: NetworkRow[] = vmIds.map((vmId) => {
    const entry = entryOf(vmId);
    const view = entry?.outcome?.kind === 'checked' ? entry.outcome.view : undefined;
    return {
      vmId,
      name: view?.name ?? summaries[vmId]?.name ?? nameFromId(vmId),
      resourceGroup: view?.resourceGroup ?? summaries[vmId]?.resourceGroup ?? groupFromId(vmId),
      entry,
      accepted: networkRiskAcknowledged(network, vmId),
    };
  });
  const views = rows.flatMap((r) => (r.entry?.outcome?.kind === 'checked' ? [r.entry.outcome.view] : []));
  const withFindings = rows.filter((row) => {
    const outcome = row.entry?.outcome;
    return outcome !== undefined && (outcome.kind !== 'checked' || outcome.view.findings.length > 0);
  });
  const fixView = views.find((v) => fixVmId !== null && v.id.toLowerCase() === fixVmId.toLowerCase());
  const blockingNsgIds = views.flatMap((v) => {
    const overall = v.report.overall;
    if (overall.status !== 'denied') return [];
    const layer = v.nics[0]?.layers.find((l) => l.nsg.name === overall.nsg);
    return layer?.nsg.id ? [layer.nsg.id] : [];
  });

  // A new rule changes the path of every VM behind that NSG, not only the one being fixed.
  const afterRulesCreated = (nsgId: string) => {
    const behind = views.filter((v) => v.nics.some((n) => n.layers.some((l) => l.nsg.id?.toLowerCase() === nsgId.toLowerCase())));
    checkAgain(behind.map((v) => v.id));
  };

  const waiting = vmIds.filter((vmId) => !networkVmCleared(network, vmId)).length;
  const note = complete
    ? network.proxy
      ? `Backup traffic goes through proxy ${network.proxy.ip}:${network.proxy.port}.`
      : undefined
    : checkingCount > 0
      ? 'Waiting for the checks to finish.'
      : `${waiting} virtual machine${waiting === 1 ? '' : 's'} still need${waiting === 1 ? 's' : ''} a fix or your acceptance: a deny of 168.63.129.16 must be fixed; anything else can be fixed, accepted, or routed through an HTTP proxy.`;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Check network access</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <VisuallyHidden>
        <span role="status">{statusText(rows, checkingCount)}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        <NetworkOptions />

        <section className={styles.section} aria-labelledby="network-vms-heading">
          <Subtitle1 as="h2" id="network-vms-heading" className={styles.heading}>
            Outbound HTTPS from the selected virtual machines
          </Subtitle1>
          <div className={styles.toolbar}>
            <Button icon={<ArrowClockwise20Regular />} disabledFocusable={checkingCount > 0} onClick={() => checkAgain(vmIds)}>
              Check all again
            </Button>
            <Body1>Each NSG is read in priority order, default rules included; traffic must pass the NIC&apos;s NSG and the subnet&apos;s.</Body1>
          </div>
          <NetworkTable rows={rows} onCheckAgain={(vmId) => checkAgain([vmId])} />
        </section>

        {fixView && (
          <AllowRuleFix
            key={fixView.id}
            view={fixView}
            onCreated={(nsgId) => afterRulesCreated(nsgId)}
            onClose={() => setFixVmId(null)}
          />
        )}

        {withFindings.length > 0 && (
          <section className={styles.section} aria-labelledby="network-findings-heading">
            <Subtitle1 as="h2" id="network-findings-heading" className={styles.heading}>
              Findings and fixes
            </Subtitle1>
            {withFindings.map((row) => (
              <NetworkVmCard
                key={row.vmId}
                row={row}
                fixing={fixVmId !== null && fixVmId.toLowerCase() === row.vmId.toLowerCase()}
                onFix={setFixVmId}
                onAccept={acknowledge}
                onCheckAgain={(vmId) => checkAgain([vmId])}
              />
            ))}
          </section>
        )}

        <section className={styles.section} aria-labelledby="network-proxy-heading">
          <Subtitle1 as="h2" id="network-proxy-heading" className={styles.heading}>
            Or route backup traffic through an HTTP proxy
          </Subtitle1>
          <Body1 as="p" className={styles.paragraph}>
            Enter the address and port of the proxy VM. The wizard fills them into the guide&apos;s steps for Windows and
            Linux VMs, the proxy VM&apos;s firewall, and the NSG rule that lets the proxy out.
          </Body1>
          <ProxyPath subscriptionId={subscriptionId} suggestedNsgIds={blockingNsgIds} />
        </section>
      </div>

      <StepFooter stepId="network" canContinue={complete} {...(note ? { note } : {})} />
    </section>
  );
}
