import { Body1, Caption1, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular } from '@fluentui/react-icons';
import type { GatherProgress, GatherStage, GatherStageId } from '../../azure/vm-readiness.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    maxWidth: '720px',
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '24px 1fr', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
  count: { color: tokens.colorNeutralForeground2, gridColumn: '2' },
});

const ORDER: readonly GatherStageId[] = ['refresh', 'vms', 'network', 'agents', 'protection'];

function describe(id: GatherStageId, stage: GatherStage): { label: string; detail: string | null } {
  const of = stage.total === null ? `${stage.done}` : `${stage.done} of ${stage.total}`;
  switch (id) {
    case 'refresh':
      return {
        label: "Refreshing the vault's view of the subscription",
        detail: stage.state === 'done' ? 'Done' : stage.done > 0 ? `Still running (checked ${stage.done} ${stage.done === 1 ? 'time' : 'times'})` : null,
      };
    case 'vms':
      return { label: 'Reading virtual machines', detail: stage.state === 'waiting' ? null : `${stage.done} found` };
    case 'network':
      return { label: 'Reading network interfaces, security groups, public IPs, load balancers and virtual networks', detail: stage.state === 'waiting' ? null : `${of} lists read` };
    case 'agents':
      return { label: "Reading each VM agent in the vault's region", detail: stage.state === 'waiting' ? null : `${of} VMs` };
    case 'protection':
      return { label: 'Checking which VMs another vault already protects', detail: stage.state === 'waiting' ? null : `${of} VMs` };
  }
}

function StageIcon({ stage }: { stage: GatherStage }) {
  const styles = useStyles();
  if (stage.state === 'done') return <CheckmarkCircle20Filled className={styles.done} aria-hidden />;
  if (stage.state === 'running') return <Spinner size="extra-tiny" aria-hidden />;
  return <Circle20Regular className={styles.waiting} aria-hidden />;
}

/** One short sentence for the polite live region: changes only when a stage starts or ends, not on every count. */
export function progressAnnouncement(progress: GatherProgress): string {
  const running = ORDER.filter((id) => progress[id].state === 'running').map((id) => describe(id, progress[id]).label);
  return running.length > 0 ? `Discovering virtual machines: ${running.join('; ')}.` : 'Discovering virtual machines.';
}

export function DiscoveryProgress({ progress }: { progress: GatherProgress }) {
  const styles = useStyles();
  const agents = progress.agents;
  const value = agents.total ? agents.done / agents.total : undefined;
  return (
    <div className={styles.card}>
      <Body1>Discovering virtual machines…</Body1>
      <ProgressBar {...(value === undefined ? {} : { value })} thickness="large" aria-label="Discovery progress" />
      <ol className={styles.list} aria-label="Discovery stages">
        {ORDER.map((id) => {
          const stage = progress[id];
          const { label, detail } = describe(id, stage);
          return (
            <li key={id} className={styles.item} data-stage={id} data-state={stage.state}>
              <StageIcon stage={stage} />
              <Body1>
                {label}
                <VisuallyHidden>{` (${stage.state === 'done' ? 'done' : stage.state === 'running' ? 'in progress' : 'waiting'})`}</VisuallyHidden>
              </Body1>
              {detail && <Caption1 className={styles.count}>{detail}</Caption1>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
