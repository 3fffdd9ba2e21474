import { Badge, type BadgeProps } from '@fluentui/react-components';
import { severityLabel, verdictLabel, type Severity, type Verdict } from '../readiness/index.ts';

export const VERDICT_COLOR: Readonly<Record<Verdict, NonNullable<BadgeProps['color']>>> = {
  ready: 'success',
  attention: 'warning',
  blocked: 'danger',
};

export const SEVERITY_COLOR: Readonly<Record<Severity, NonNullable<BadgeProps['color']>>> = {
  blocker: 'danger',
  attention: 'warning',
  info: 'informative',
};

type VerdictBadgeProps = Omit<BadgeProps, 'color' | 'children'> & {
  verdict: Verdict;
  /** Shown after the word, e.g. "(accepted)". */
  suffix?: string;
};

/** The verdict word in its colour: the same three words on every step. */
export function VerdictBadge({ verdict, suffix, appearance = 'filled', ...rest }: VerdictBadgeProps) {
  return (
    <Badge appearance={appearance} color={VERDICT_COLOR[verdict]} {...rest}>
      {suffix ? `${verdictLabel(verdict)} ${suffix}` : verdictLabel(verdict)}
    </Badge>
  );
}

export function SeverityBadge({ severity, ...rest }: Omit<BadgeProps, 'color' | 'children'> & { severity: Severity }) {
  return (
    <Badge appearance="tint" color={SEVERITY_COLOR[severity]} {...rest}>
      {severityLabel(severity)}
    </Badge>
  );
}
