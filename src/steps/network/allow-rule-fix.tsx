import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { rulePutBody, rulePutPath, type CreatedRule } from '../../azure/network-security.ts';
import { CodeBlock } from '../../components/code-block.tsx';
import { PermissionError } from '../../components/permission-error.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { BACKUP_SERVICE_TAGS, type BackupServiceTag } from '../../readiness/index.ts';
import { blockedTags, planAllowFix, subnetPrefixOf, type SourceChoice } from './allow-fix.ts';
import type { VmNetworkView } from './network-check.ts';
import { useCreateRules, type CreateRulesRequest, type CreateRulesState } from './use-create-rules.ts';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
  },
  heading: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  paragraph: { margin: 0, maxWidth: '80ch' },
  fieldset: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  rule: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  request: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '520px' },
});

const TAG_HELP: Record<BackupServiceTag, string> = {
  Storage: 'Storage: where the snapshots and backup data go',
  AzureBackup: 'AzureBackup: the backup service itself',
  AzureActiveDirectory: 'AzureActiveDirectory: sign-in for the backup extension',
};

function progressText(state: CreateRulesState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'working':
      return `Creating rule ${state.name} (${state.index + 1} of ${state.total})…`;
    case 'done':
      return `Created ${state.created.map((r) => r.name).join(', ')}. Checking again…`;
    case 'failed':
      return `Creating rule ${state.name} failed.`;
  }
}

type AllowRuleFixProps = {
  view: VmNetworkView;
  onCreated: (nsgId: string, created: CreatedRule[]) => void;
  onClose: () => void;
};

/** The allow-rule fix for one VM: choose the tags, see the exact rules, create them through ARM. */
export function AllowRuleFix({ view, onCreated, onClose }: AllowRuleFixProps) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [tags, setTags] = useState<BackupServiceTag[]>(() => {
    const blocked = blockedTags(view);
    return blocked.length > 0 ? blocked : [...BACKUP_SERVICE_TAGS.value];
  });
  const [source, setSource] = useState<SourceChoice>('subnet');
  // Where the rules went: the plan itself changes once the VM is checked again and found open.
  const [sentTo, setSentTo] = useState<string>('');
  const { state, create } = useCreateRules((request: CreateRulesRequest, created) => onCreated(request.nsgId, created));

  useEffect(() => {
    headingRef.current?.focus();
  }, [view.id]);

  const plan = planAllowFix(view, tags, source);
  const prefix = subnetPrefixOf(view);
  const blocked = view.report.overall.status === 'denied' ? view.report.overall : undefined;
  const working = state.status === 'working';
  const done = state.status === 'done';
  const headingId = 'allow-fix-heading';

  const toggle = (tag: BackupServiceTag, on: boolean) =>
    setTags((current) => BACKUP_SERVICE_TAGS.value.filter((t) => (t === tag ? on : current.includes(t))));

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        Fix {view.name} with an allow rule
      </h2>
      {blocked && (
        <Body1 as="p" className={styles.paragraph}>
          Outbound HTTPS from {view.name} to {blocked.destination} is denied by NSG {blocked.nsg}, rule {blocked.rule} (priority{' '}
          {blocked.priority}). The wizard adds one outbound allow rule per service tag you choose, on TCP 443, each with a
          priority number just below {blocked.priority} so Azure evaluates it first.
        </Body1>
      )}

      <fieldset className={styles.fieldset} aria-describedby={tags.length === 0 ? 'allow-fix-tags-error' : undefined}>
        <legend className={styles.legend}>Service tags to allow on TCP 443</legend>
        {BACKUP_SERVICE_TAGS.value.map((tag) => (
          <Checkbox
            key={tag}
            checked={tags.includes(tag)}
            disabled={working || done}
            onChange={(_, data) => toggle(tag, data.checked === true)}
            label={`${TAG_HELP[tag]}${view.report.destinations[tag].status === 'denied' ? ' (denied now)' : ''}`}
          />
        ))}
        {tags.length === 0 && (
          <Caption1 id="allow-fix-tags-error" className={styles.error}>
            Choose at least one service tag.
          </Caption1>
        )}
      </fieldset>

      <Field label="Source of the rule">
        <RadioGroup value={source} disabled={working || done} onChange={(_, data) => setSource(data.value === 'VirtualNetwork' ? 'VirtualNetwork' : 'subnet')}>
          <Radio value="subnet" label={prefix ? `This VM's subnet (${prefix})` : "This VM's subnet (its prefix is unknown: VirtualNetwork is used)"} />
          <Radio value="VirtualNetwork" label="VirtualNetwork (every address of the virtual network and its peers)" />
        </RadioGroup>
      </Field>

      {!plan.ok && !done && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{plan.message}</MessageBarBody>
        </MessageBar>
      )}

      {plan.ok && !done && (
        <>
          <Body1 as="p" className={styles.paragraph}>
            {plan.value.rules.length === 1 ? 'This rule' : `These ${plan.value.rules.length} rules`} will be added to NSG{' '}
            <strong>{plan.value.nsg.name}</strong>, before rule {plan.value.blocking.name} (priority {plan.value.blocking.priority}):
          </Body1>
          {plan.value.rules.map((rule) => (
            <div key={rule.name} className={styles.rule}>
              <Caption1 as="p" className={styles.request}>
                PUT {rulePutPath(plan.value.nsg.id, rule.name)}
              </Caption1>
              <CodeBlock label={`request body of rule ${rule.name}`} code={JSON.stringify(rulePutBody(rule), null, 2)} />
            </div>
          ))}
          {plan.value.stillBlockedElsewhere.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {plan.value.stillBlockedElsewhere.map((b) => `${b.tag} is also denied by NSG ${b.nsg}`).join('; ')}. After these
                rules are created, the check runs again and proposes the rule for that NSG.
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}

      <VisuallyHidden>
        <span role="status">{progressText(state)}</span>
      </VisuallyHidden>
      {working && (
        <div className={styles.progress}>
          <ProgressBar aria-label="Creating the rules" />
          <Body1>{progressText(state)}</Body1>
        </div>
      )}
      {state.status === 'failed' && (
        <PermissionError
          title={`Rule ${state.name} could not be created`}
          error={state.error}
          roleAdvice={`Network Contributor (or Contributor) on the resource group of NSG ${sentTo}`}
        />
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Rules created</MessageBarTitle>
            {state.created.map((r) => r.name).join(', ')} now exist{state.created.length === 1 ? 's' : ''} in NSG {sentTo}. The
            VMs behind it are checked again.
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        {!done && (
          <Button
            appearance="primary"
            disabledFocusable={!plan.ok || working}
            onClick={() => {
              if (!plan.ok) return;
              setSentTo(plan.value.nsg.name);
              void create({
                subscriptionId: view.subscriptionId,
                nsgId: plan.value.nsg.id,
                rules: plan.value.rules,
                purpose: 'allow',
                forVmId: view.id,
              });
            }}
          >
            {state.status === 'failed' ? 'Retry creating the rules' : plan.ok && plan.value.rules.length === 1 ? 'Create the rule' : 'Create the rules'}
          </Button>
        )}
        <Button disabledFocusable={working} onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </section>
  );
}
