import { Body1, Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { stepAfter, stepBefore, stepById } from '../../app/steps.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { isGoalConfirmed } from '../../store/goal-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { BACKUP_ITEMS, ONLY_AZURE_VMS, WORKLOAD_LOCATIONS, type GoalOption } from './goal-options.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalXL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  chosen: { color: tokens.colorNeutralForeground2 },
});

function GoalChoice({ label, options }: { label: string; options: readonly GoalOption[] }) {
  const chosen = options.find((option) => option.available)?.value;
  return (
    <Field label={label} hint={ONLY_AZURE_VMS}>
      {/* The one available answer is the only possible choice; the others are shown, disabled, for orientation. */}
      <RadioGroup value={chosen ?? ''}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} disabled={!option.available} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** The Backup goal step: the portal's "Where is your workload running?" and "What do you want to back up?". */
export function GoalStep() {
  const styles = useStyles();
  const step = stepById('goal');
  const next = stepAfter('goal');
  const previous = stepBefore('goal');
  const navigate = useNavigate();
  const confirmed = useWizardStore((s) => isGoalConfirmed(s.goal));
  const confirmGoal = useWizardStore((s) => s.confirmGoal);

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Choose a backup goal</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>

      <div className={styles.card}>
        <GoalChoice label="Where is your workload running?" options={WORKLOAD_LOCATIONS} />
        <GoalChoice label="What do you want to back up?" options={BACKUP_ITEMS} />
      </div>

      <div className={styles.footer}>
        {previous && (
          <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate(previous.path)}>
            Back
          </Button>
        )}
        <div className={styles.spacer} />
        {confirmed && <Body1 className={styles.chosen}>Goal: Azure virtual machines</Body1>}
        <Button
          appearance="primary"
          icon={<ArrowRight20Regular />}
          iconPosition="after"
          onClick={() => {
            confirmGoal();
            if (next) void navigate(next.path);
          }}
        >
          Confirm and continue
        </Button>
      </div>
    </section>
  );
}
