import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading.tsx';
import { stepBefore, type WizardStep } from './steps.ts';

const useStyles = makeStyles({
  summary: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalL },
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalL,
    color: tokens.colorBrandForegroundLink,
  },
});

/** An honest page for a step this build does not implement: what the step is for, and no pretend controls. */
export function UnavailableStep({ step }: { step: WizardStep }) {
  const styles = useStyles();
  const previous = stepBefore(step.id);
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>{step.title}</PageHeading>
      <Body1 as="p" className={styles.summary}>
        {step.description}
      </Body1>
      <MessageBar intent="info">
        <MessageBarBody>This step is not available yet in this build.</MessageBarBody>
      </MessageBar>
      {previous && (
        <Link to={previous.path} className={styles.back}>
          <ArrowLeft20Regular aria-hidden />
          Back to {previous.title}
        </Link>
      )}
    </section>
  );
}
