import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { rulePutBody, rulePutPath, type NsgInfo } from '../../azure/network-security.ts';
import { CodeBlock } from '../../components/code-block.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PermissionError } from '../../components/permission-error.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { proxySteps } from '../../readiness/index.ts';
import { planProxyRule } from './proxy-fix.ts';
import { StepBlocks } from './step-blocks.tsx';
import { useCreateRules } from './use-create-rules.ts';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  paragraph: { margin: 0, maxWidth: '90ch' },
  request: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
  nsg: { maxWidth: '420px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

type ProxyNsgRuleProps = {
  subscriptionId: string;
  /** Already checked by the proxy form. */
  proxyIp: string;
  proxyPort: string;
  suggestedNsgIds: readonly string[];
};

/**
 * The guide's NSG rule that lets the proxy VM out: pick the NSG, see the exact rule (priority 200 or the nearest
 * free number in front of what blocks), create it through ARM, or copy its PowerShell and CLI equivalents.
 */
export function ProxyNsgRule({ subscriptionId, proxyIp, proxyPort, suggestedNsgIds }: ProxyNsgRuleProps) {
  const styles = useStyles();
  const gateway = useArmGateway();
  const [nsgChoice, setNsgChoice] = useState('');
  const nsgs = useArmQuery<NsgInfo[]>(`proxy-nsgs:${subscriptionId}`, () => gateway.listNetworkSecurityGroups(subscriptionId));
  // After a write, the list is read again so the next proposal sees the new rule's priority.
  const { state: createState, create, reset } = useCreateRules(() => nsgs.reload());

  const list = nsgs.state.status === 'loaded' ? nsgs.state.data : [];
  const suggested = list.find((n) => suggestedNsgIds.some((id) => id.toLowerCase() === n.id.toLowerCase()));
  const nsg = list.find((n) => n.id === nsgChoice) ?? suggested ?? list[0];
  const plan = nsg ? planProxyRule(nsg, proxyIp) : undefined;
  const steps = proxySteps({
    proxyIp,
    proxyPort,
    ...(nsg ? { nsgName: nsg.name, resourceGroup: nsg.resourceGroup } : {}),
    ...(plan?.ok ? { priority: plan.value.priority } : {}),
  });
  const nsgRule = steps.ok ? steps.steps.nsgRule : [];
  const working = createState.status === 'working';

  return (
    <section className={styles.group} aria-labelledby="proxy-nsg-heading">
      <Subtitle2 as="h3" id="proxy-nsg-heading" className={styles.heading}>
        Let the proxy VM reach the Internet: NSG rule
      </Subtitle2>
      {nsgs.state.status === 'loading' && <Spinner size="tiny" label="Loading the subscription's NSGs…" />}
      {nsgs.state.status === 'failed' && (
        <ErrorPanel title="The subscription's NSGs couldn't be listed" error={nsgs.state.error} onRetry={nsgs.retry} />
      )}
      {nsgs.state.status === 'loaded' && list.length === 0 && (
        <Body1 as="p" className={styles.paragraph}>
          The subscription has no NSG, so nothing stops the proxy VM from reaching the Internet.
        </Body1>
      )}
      {nsg && (
        <>
          <Field className={styles.nsg} label="NSG in front of the proxy VM">
            <Select
              value={nsg.id}
              disabled={working}
              onChange={(_, data) => {
                setNsgChoice(data.value);
                reset();
              }}
            >
              {list.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name} ({n.resourceGroup})
                </option>
              ))}
            </Select>
          </Field>
          {plan && !plan.ok && (
            <MessageBar intent="warning">
              <MessageBarBody>{plan.message}</MessageBarBody>
            </MessageBar>
          )}
          {plan?.ok && (
            <>
              <Body1 as="p" className={styles.paragraph}>
                The wizard can add this rule to {nsg.name} for you:
              </Body1>
              <Caption1 as="p" className={styles.request}>
                PUT {rulePutPath(nsg.id, plan.value.name)}
              </Caption1>
              <CodeBlock label="request body of rule allow-proxy" code={JSON.stringify(rulePutBody(plan.value), null, 2)} />
            </>
          )}
        </>
      )}
      <StepBlocks blocks={nsgRule} label="NSG rule for the proxy, by command" />
      <VisuallyHidden>
        <span role="status">
          {createState.status === 'working'
            ? `Creating rule ${createState.name}…`
            : createState.status === 'done'
              ? `Rule ${createState.created.map((r) => r.name).join(', ')} created.`
              : createState.status === 'failed'
                ? `Creating rule ${createState.name} failed.`
                : ''}
        </span>
      </VisuallyHidden>
      {working && <ProgressBar aria-label="Creating the proxy rule" />}
      {createState.status === 'failed' && (
        <PermissionError
          title={`Rule ${createState.name} could not be created`}
          error={createState.error}
          roleAdvice={`Network Contributor (or Contributor) on the resource group ${nsg?.resourceGroup ?? ''}`}
        />
      )}
      {createState.status === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>Rule allow-proxy now exists in {nsg?.name}.</MessageBarBody>
        </MessageBar>
      )}
      {nsg && plan?.ok && createState.status !== 'done' && (
        <div className={styles.actions}>
          <Button
            disabledFocusable={working}
            onClick={() => void create({ subscriptionId, nsgId: nsg.id, rules: [plan.value], purpose: 'proxy' })}
          >
            {createState.status === 'failed' ? 'Retry creating the proxy rule' : `Create rule allow-proxy in ${nsg.name}`}
          </Button>
        </div>
      )}
    </section>  );
}
