import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { proxyInputProblems, proxySteps, type InputProblem } from '../../readiness/index.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { ProxyNsgRule } from './proxy-nsg-rule.tsx';
import { StepBlocks } from './step-blocks.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  ip: { width: '240px' },
  port: { width: '160px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

function messageFor(problems: readonly InputProblem[], field: InputProblem['field']): string | undefined {
  const messages = problems.filter((p) => p.field === field).map((p) => p.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

type ProxyPathProps = {
  subscriptionId: string;
  /** NSGs that block the selected VMs, offered first for the proxy's rule. */
  suggestedNsgIds: readonly string[];
};

/** The guide's HTTP-proxy path: the proxy's address, the per-OS steps with it filled in, and the proxy VM's NSG rule. */
export function ProxyPath({ subscriptionId, suggestedNsgIds }: ProxyPathProps) {
  const styles = useStyles();
  const draft = useWizardStore((s) => s.network.proxyDraft);
  const chosen = useWizardStore((s) => s.network.proxy);
  const editProxyDraft = useWizardStore((s) => s.editProxyDraft);
  const chooseProxy = useWizardStore((s) => s.chooseProxy);
  const [submitted, setSubmitted] = useState(chosen !== null);
  const ipRef = useRef<HTMLInputElement>(null);
  const portRef = useRef<HTMLInputElement>(null);

  const problems = proxyInputProblems({ proxyIp: draft.ip, proxyPort: draft.port });
  const valid = problems.length === 0;
  const showSteps = submitted && valid;
  const shownProblems = submitted ? problems : [];

  const steps = showSteps ? proxySteps({ proxyIp: draft.ip, proxyPort: draft.port }) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // Focus the first field to fix, so keyboard and screen-reader users land on its message.
    if (messageFor(problems, 'proxyIp')) ipRef.current?.focus();
    else if (messageFor(problems, 'proxyPort')) portRef.current?.focus();
  };
  const ipMessage = messageFor(shownProblems, 'proxyIp');
  const portMessage = messageFor(shownProblems, 'proxyPort');

  return (
    <div className={styles.root}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="HTTP proxy">
        <div className={styles.fields}>
          <Field
            className={styles.ip}
            label="Proxy IP address"
            hint="The proxy VM's private address, e.g. 10.0.0.5"
            required
            validationState={ipMessage ? 'error' : 'none'}
            {...(ipMessage ? { validationMessage: ipMessage } : {})}
          >
            <Input input={{ ref: ipRef }} value={draft.ip} onChange={(_, data) => editProxyDraft({ ip: data.value })} autoComplete="off" />
          </Field>
          <Field
            className={styles.port}
            label="Proxy port"
            hint="1 to 65535"
            required
            validationState={portMessage ? 'error' : 'none'}
            {...(portMessage ? { validationMessage: portMessage } : {})}
          >
            <Input input={{ ref: portRef }} value={draft.port} inputMode="numeric" onChange={(_, data) => editProxyDraft({ port: data.value })} autoComplete="off" />
          </Field>
        </div>
        <Button type="submit" appearance={showSteps ? 'secondary' : 'primary'}>
          Show the proxy steps
        </Button>
      </form>

      {steps && !steps.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{steps.problems.map((p) => p.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}

      {steps?.ok && (
        <>
          <section className={styles.group} aria-labelledby="proxy-windows-heading">
            <Subtitle2 as="h3" id="proxy-windows-heading" className={styles.heading}>
              On each Windows VM: proxy for the Local System account
            </Subtitle2>
            <StepBlocks blocks={steps.steps.windows} label="Windows proxy steps" />
          </section>
          <section className={styles.group} aria-labelledby="proxy-linux-heading">
            <Subtitle2 as="h3" id="proxy-linux-heading" className={styles.heading}>
              On each Linux VM
            </Subtitle2>
            <StepBlocks blocks={steps.steps.linux} label="Linux proxy steps" />
          </section>
          <section className={styles.group} aria-labelledby="proxy-firewall-heading">
            <Subtitle2 as="h3" id="proxy-firewall-heading" className={styles.heading}>
              On the proxy VM: allow incoming connections
            </Subtitle2>
            <StepBlocks blocks={steps.steps.proxyFirewall} label="Proxy VM firewall steps" />
          </section>

          <ProxyNsgRule subscriptionId={subscriptionId} proxyIp={draft.ip} proxyPort={draft.port} suggestedNsgIds={suggestedNsgIds} />

          {steps.steps.notes.map((note) => (
            <MessageBar key={note.text} intent="info" layout="multiline">
              <MessageBarBody>
                {note.text}{' '}
                <Link href={note.source.url} target="_blank" rel="noreferrer" inline>
                  Source
                </Link>
              </MessageBarBody>
            </MessageBar>
          ))}

          {chosen && chosen.ip === draft.ip.trim() && chosen.port === Number(draft.port.trim()) ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Backup traffic goes through the proxy</MessageBarTitle>
                The selected VMs are to use proxy {chosen.ip}:{chosen.port}. Apply the steps above on each of them.
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => chooseProxy(null)}>Stop using the proxy</Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => chooseProxy({ ip: draft.ip.trim(), port: Number(draft.port.trim()) })}>
                Use this proxy for the selected VMs
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
