import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { VaultRegion } from './vault-rules.ts';

const useStyles = makeStyles({
  option: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const vmCount = (n: number) => (n === 1 ? '1 VM' : `${n} VMs`);

type RegionFieldProps = {
  regions: readonly VaultRegion[];
  value: string;
  problems: readonly string[];
  showProblems: boolean;
  onChange: (location: string) => void;
};

/** The regions where vaults are offered, each with how many of the subscription's VMs it holds. */
export function RegionField({ regions, value, problems, showProblems, onChange }: RegionFieldProps) {
  const styles = useStyles();
  const chosen = regions.find((region) => region.name === value);
  const shown = showProblems && problems.length > 0;
  const empty = !shown && chosen !== undefined && chosen.vmCount === 0;
  return (
    <Field
      label="Region"
      required
      hint="Regions where Recovery Services vaults are offered, with the number of this subscription’s VMs in each."
      validationState={shown ? 'error' : empty ? 'warning' : 'none'}
      validationMessage={
        shown
          ? problems.join(' ')
          : empty
            ? `None of this subscription’s virtual machines are in ${chosen.displayName}: a vault there could protect none of them.`
            : null
      }
    >
      <Dropdown
        placeholder="Choose a region"
        value={chosen ? `${chosen.displayName} · ${vmCount(chosen.vmCount)}` : ''}
        selectedOptions={chosen ? [chosen.name] : []}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? '')}
      >
        {regions.map((region) => (
          <Option key={region.name} value={region.name} text={`${region.displayName} · ${vmCount(region.vmCount)}`}>
            <span className={styles.option}>
              <span>{region.displayName}</span>
              <span className={styles.muted}>{vmCount(region.vmCount)}</span>
            </span>
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
