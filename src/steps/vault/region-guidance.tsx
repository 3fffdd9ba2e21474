import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { VmRegion } from './vault-rules.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  text: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

const vms = (n: number) => (n === 1 ? '1 VM' : `${n} VMs`);

/** The guide's rule, applied to this subscription: a vault protects only VMs of its own region. */
export function RegionGuidance({ regions }: { regions: readonly VmRegion[] }) {
  const styles = useStyles();
  const several = regions.length > 1;
  return (
    <MessageBar intent={several ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The vault must be in the same region as the virtual machines it protects</MessageBarTitle>
        {regions.length === 0 ? (
          <p className={styles.text}>This subscription has no virtual machines yet.</p>
        ) : (
          <>
            <span>This subscription’s virtual machines are in:</span>
            <ul className={styles.list}>
              {regions.map((region) => (
                <li key={region.name}>
                  {region.displayName}: {vms(region.vmCount)}
                  {!region.vaultsOffered && ' (Recovery Services vaults are not offered in this region)'}
                </li>
              ))}
            </ul>
            {several && (
              <p className={styles.text}>
                Virtual machines in several regions need one vault per region. Create the vault in the first region
                before going to the next.
              </p>
            )}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
