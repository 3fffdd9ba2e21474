import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BACKUP_SERVICE_TAGS, PLATFORM_ADDRESS, guide2016 } from '../../readiness/index.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  table: { tableLayout: 'auto', minWidth: '720px' },
  cell: { verticalAlign: 'top', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  option: { fontWeight: tokens.fontWeightSemibold },
});

type OptionRow = { option: string; detail: string; advantages: string[]; disadvantages: string[] };

const TAGS = BACKUP_SERVICE_TAGS.value.join(', ');

// The guide's table, with the allow-list in today's form: service tags instead of the datacenter IP ranges.
const OPTIONS: readonly OptionRow[] = [
  {
    option: 'Allow-list',
    detail: `Today: outbound NSG rules on TCP 443 to the ${TAGS} service tags. The 2016 guide listed Azure datacenter IP ranges.`,
    advantages: [
      'No additional costs.',
      'Service tags follow Azure’s address changes for you: nothing to maintain (the IP ranges of 2016 had to be updated by hand).',
    ],
    disadvantages: [
      'Opens every address of those services, not just your storage account (IP ranges opened the whole of Azure).',
      'One rule per NSG in the path, per service tag.',
    ],
  },
  {
    option: 'HTTP proxy',
    detail: 'A VM running proxy software is the only one allowed out; the other VMs send their backup traffic through it.',
    advantages: [
      'Granular control in the proxy over the storage URLs allowed.',
      'A single point of Internet access for the VMs.',
      'Not subject to Azure IP address changes.',
    ],
    disadvantages: ['Additional costs for running a VM with the proxy software.', 'The proxy must not ask for authentication: authenticated proxies aren’t supported.'],
  },
];

/** The guide's two ways to open the path, and what Microsoft says about it today. */
export function NetworkOptions() {
  const styles = useStyles();
  const source = guide2016('Network connectivity');
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>What Microsoft says today</MessageBarTitle>
          Explicit outbound access isn&apos;t required for Azure VM backup any more with a supported agent. What must stay
          reachable is the Azure platform address {PLATFORM_ADDRESS.value.ip} (ports {PLATFORM_ADDRESS.value.requiredPorts.join(' and ')}),
          which the VM agent talks to, with DHCP left on in the guest. So the checks below follow today&apos;s Azure: an NSG
          rule that denies {PLATFORM_ADDRESS.value.ip} blocks the VM and must be removed; outbound HTTPS denied to Azure
          Storage (the guide&apos;s backup path) needs attention, and the guide&apos;s two options below still open it.{' '}
          <Link href={PLATFORM_ADDRESS.source.url} target="_blank" rel="noreferrer" inline>
            {PLATFORM_ADDRESS.source.title}
          </Link>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.card}>
        <Table className={styles.table} aria-label="Ways to open outbound access for backup">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Option</TableHeaderCell>
              <TableHeaderCell>Advantages</TableHeaderCell>
              <TableHeaderCell>Disadvantages</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {OPTIONS.map((row) => (
              <TableRow key={row.option}>
                <TableCell className={styles.cell}>
                  <div className={styles.option}>{row.option}</div>
                  {row.detail}
                </TableCell>
                <TableCell className={styles.cell}>
                  <ul className={styles.list}>
                    {row.advantages.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell className={styles.cell}>
                  <ul className={styles.list}>
                    {row.disadvantages.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Link href={source.url} target="_blank" rel="noreferrer">
        Source: {source.title}, “{source.section}”
      </Link>
    </>
  );
}
