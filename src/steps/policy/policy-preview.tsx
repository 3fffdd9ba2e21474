import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { VaultRef, VmPolicyPayload } from '../../azure/policy-types.ts';
import { describePolicy } from '../../plan/describe-policy.ts';

// The backup SDK's default api-version (@azure/arm-recoveryservicesbackup 12.0.0), the one it sends.
const BACKUP_API_VERSION = '2023-06-01';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  sentence: { fontWeight: tokens.fontWeightSemibold },
  request: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
  json: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: '420px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

type PolicyPreviewProps = { name: string; payload: VmPolicyPayload; vault: VaultRef };

/** The policy in words, and — collapsed — the exact request that "Create policy" will send. */
export function PolicyPreview({ name, payload, vault }: PolicyPreviewProps) {
  const styles = useStyles();
  const path = `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.vaultName}/backupPolicies/${name || '{name}'}`;
  return (
    <section aria-label="Preview" className={styles.box}>
      <Caption1>This policy will back up:</Caption1>
      <Body1 className={styles.sentence}>
        {describePolicy(payload.properties)}
      </Body1>
      <Accordion collapsible>
        <AccordionItem value="json">
          <AccordionHeader>Request that will be sent (JSON)</AccordionHeader>
          <AccordionPanel>
            <Caption1 as="p" className={styles.request}>
              PUT {path}?api-version={BACKUP_API_VERSION}
            </Caption1>
            <pre className={styles.json} tabIndex={0} aria-label="Request body">
              {JSON.stringify(payload, null, 2)}
            </pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
