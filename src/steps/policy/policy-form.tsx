import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VaultRef, VmBackupPolicy, VmPolicyPayload } from '../../azure/policy-types.ts';
import { useWriteLock } from '../../components/write-lock-context.tsx';
import { LIMITS } from '../../shared/policy-rules.ts';
import type { PolicyDraft } from '../../store/policy-draft.ts';
import { CreationStatus } from './creation-status.tsx';
import { draftProblems, problemCount } from './draft-problems.ts';
import { fieldValidation, NumberField } from './form-parts.tsx';
import { PolicyPreview } from './policy-preview.tsx';
import { RetentionFields } from './retention-fields.tsx';
import { ScheduleFields } from './schedule-fields.tsx';
import { effectiveFrequency, toPolicyResource } from './to-policy-resource.ts';
import type { CreationState } from './use-create-policy.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalM} 0 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  legend: {
    padding: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  name: { maxWidth: '420px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  summary: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}

const TYPE_HINT =
  'Enhanced (V2) allows several backups a day and keeps up to 30 days of instant restore snapshots; it is required for Trusted Launch VMs and for Premium SSD v2 and Ultra disks. It uses more snapshot storage (which costs more), and a VM moved to an Enhanced policy can’t be switched back to Standard.';

type PolicyFormProps = {
  draft: PolicyDraft;
  vault: VaultRef;
  existingNames: readonly string[];
  creation: CreationState;
  focusName: boolean;
  onChange: (draft: PolicyDraft) => void;
  onSubmit: (name: string, payload: VmPolicyPayload) => void;
  onCancel: () => void;
  onUseExisting: (policy: VmBackupPolicy) => void;
};

/** The new-policy form: every value checked as it is typed, nothing sent while anything is wrong. */
export function PolicyForm(props: PolicyFormProps) {
  const { draft, vault, existingNames, creation, focusName, onChange, onSubmit, onCancel, onUseExisting } = props;
  const styles = useStyles();
  const [attempted, setAttempted] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The one body: previewed below, checked here, and — when nothing is wrong — sent as is.
  const payload = useMemo(() => toPolicyResource(draft), [draft]);
  const allProblems = useMemo(() => draftProblems(draft, payload, existingNames), [draft, payload, existingNames]);
  // An empty name is not worth a red message until the user has typed or tried to create.
  const problems = draft.name === '' && !attempted ? { ...allProblems, name: [] } : allProblems;
  const count = problemCount(allProblems);
  const working = creation.status === 'working';
  // Another tab of this setup may hold the write lock; only the holder sends anything to Azure.
  const { canWrite } = useWriteLock();
  const update = (change: Partial<PolicyDraft>) => onChange({ ...draft, ...change });

  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);

  const submit = () => {
    setAttempted(true);
    if (working || !canWrite) return;
    if (count > 0) {
      summaryRef.current?.focus();
      return;
    }
    onSubmit(draft.name, payload);
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="new-policy-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Subtitle1 as="h2" id="new-policy-heading" className={styles.heading}>
        New backup policy
      </Subtitle1>
      <fieldset className={styles.body} disabled={working}>
        <Field
          label="Policy name"
          required
          hint="3 to 150 characters: letters, digits and hyphens, starting with a letter and not ending with a hyphen. Unique in the vault."
          {...fieldValidation(problems, 'name')}
        >
          <Input input={{ ref: nameRef }} className={styles.name} value={draft.name} onChange={(_, data) => update({ name: data.value })} />
        </Field>
        <Field label="Policy type" hint={TYPE_HINT}>
          <RadioGroup
            layout="horizontal"
            value={draft.policyType}
            onChange={(_, data) => {
              const policyType = data.value === 'V2' ? 'V2' : 'V1';
              update({ policyType, frequency: effectiveFrequency({ policyType, frequency: draft.frequency }) });
            }}
          >
            <Radio value="V1" label="Standard (V1)" />
            <Radio value="V2" label="Enhanced (V2)" />
          </RadioGroup>
        </Field>

        <Section title="Backup schedule">
          <ScheduleFields draft={draft} problems={problems} update={update} />
        </Section>

        <Section title="Instant restore">
          <NumberField
            label="Keep instant restore snapshots for"
            unit="days"
            hint={
              draft.policyType === 'V1'
                ? `Snapshots kept with the VM for fast restores: ${LIMITS.instantRestoreDays.V1.min} to ${LIMITS.instantRestoreDays.V1.max} days (exactly ${LIMITS.instantRestoreDays.weeklyV1} with a weekly backup).`
                : `Snapshots kept with the VM for fast restores: ${LIMITS.instantRestoreDays.V2.min} to ${LIMITS.instantRestoreDays.V2.max} days.`
            }
            value={draft.instantRestoreDays}
            onChange={(instantRestoreDays) => update({ instantRestoreDays })}
            problems={problems}
            field="instantRestoreDays"
          />
        </Section>

        <Section title="Retention range">
          <RetentionFields draft={draft} problems={problems} update={update} />
        </Section>

        {(problems.policy ?? []).length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{(problems.policy ?? []).join(' ')}</MessageBarBody>
          </MessageBar>
        )}

        <PolicyPreview name={draft.name} payload={payload} vault={vault} />
      </fieldset>

      {attempted && count > 0 && (
        <div ref={summaryRef} tabIndex={-1} className={styles.summary}>
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Nothing was sent</MessageBarTitle>
              {count === 1 ? 'Fix the problem marked above, then create the policy.' : `Fix the ${count} problems marked above, then create the policy.`}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      <CreationStatus creation={creation} onUseExisting={onUseExisting} onRetry={submit} />

      {!canWrite && (
        <Caption1>This setup is open in another tab: take over at the top of this page to create the policy here.</Caption1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={working || !canWrite}>
          Create policy
        </Button>
        <Button disabled={working} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
