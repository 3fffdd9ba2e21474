import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { VmBackupPolicy } from '../../azure/policy-types.ts';
import { describePolicy, policyFacts } from '../../plan/describe-policy.ts';

const useStyles = makeStyles({
  summary: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}`, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  pair: { display: 'contents' },
  focusable: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

/** What Azure saved, as read back after the create finished — not what was sent. */
export function SavedPolicy({ policy }: { policy: VmBackupPolicy }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  // The form that had focus is gone; the result takes its place, so keyboard and screen reader users land on it.
  useEffect(() => ref.current?.focus(), []);
  const facts = policy.properties
    ? [...policyFacts(policy.properties), { label: 'Protected items', value: String(policy.protectedItemsCount) }]
    : [];
  return (
    <div ref={ref} tabIndex={-1} className={styles.focusable}>
      <MessageBar intent="success" layout="multiline" role="region">
        <MessageBarBody>
          <MessageBarTitle>Policy {policy.name} created and selected</MessageBarTitle>
          Azure saved it as:
          {policy.properties && <p className={styles.summary}>{describePolicy(policy.properties)}</p>}
          <dl className={styles.facts}>
            {facts.map((fact) => (
              <div key={fact.label} className={styles.pair}>
                <dt className={styles.term}>{fact.label}</dt>
                <dd className={styles.value}>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
