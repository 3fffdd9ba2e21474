import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { describeRoles, type PlanPermissions } from '../../plan/permission-check.ts';
import type { Plan, PlanItem } from '../../plan/plan-types.ts';
import { countOf } from '../../plan/words.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  advice: { margin: `${tokens.spacingVerticalS} 0 0` },
});

type MissingGroup = { action: string; scopeLabel: string; roles: string; items: string[] };

/** One line per missing permission and scope, naming the writes it blocks. */
function missingGroups(plan: Plan, permissions: PlanPermissions): MissingGroup[] {
  const titles = new Map(plan.items.map((item) => [item.key, item.title]));
  const groups = new Map<string, MissingGroup>();
  for (const missing of permissions.missing) {
    const key = `${missing.action.toLowerCase()}|${missing.scope.toLowerCase()}`;
    const group = groups.get(key) ?? { action: missing.action, scopeLabel: missing.scopeLabel, roles: describeRoles(missing.grantedBy), items: [] };
    group.items.push(titles.get(missing.itemKey) ?? missing.itemKey);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The VMs whose protection the user may not enable: what "leave them out" deselects. */
export function vmsWithoutPermission(plan: Plan, permissions: PlanPermissions): { id: string; name: string }[] {
  const keys = new Set(permissions.missing.map((m) => m.itemKey));
  return plan.items.flatMap((item: PlanItem) =>
    keys.has(item.key) && item.write?.kind === 'protect' ? [{ id: item.write.vmId, name: item.write.vmName }] : [],
  );
}

type PlanProblemsProps = {
  plan: Plan;
  permissions: PlanPermissions;
  onRecheck: () => void;
  onLeaveOut: (vmIds: string[]) => void;
};

/** What stops the plan from being sent: missing permissions (with the role to ask for), conflicts, unchecked scopes. */
export function PlanProblems({ plan, permissions, onRecheck, onLeaveOut }: PlanProblemsProps) {
  const styles = useStyles();
  const groups = missingGroups(plan, permissions);
  const blockedVms = vmsWithoutPermission(plan, permissions);
  const otherMissing = permissions.missing.some((m) => !m.itemKey.startsWith('protect:'));
  const conflicts = plan.items.filter((item) => item.action === 'conflict');
  // VMs Azure Backup's own pre-check refuses: leaving them out is the way on (their protection is never sent).
  const refusedVms = conflicts.flatMap((item) => (item.serviceCheck?.verdict === 'blocked' && item.vmId ? [item.vmId] : []));
  const refused = new Set(refusedVms.map((id) => id.toLowerCase()));
  // Any other VM item in conflict (e.g. a policy it can't take) sends nothing; its id is in the key, as the plan
  // spells it (lower case).
  const conflictingVms = conflicts.flatMap((item) =>
    item.kind === 'protect' && !refused.has(item.key.slice('protect:'.length)) ? [item.key.slice('protect:'.length)] : [],
  );
  const uncheckedScopes = [...new Set(permissions.unknown.map((u) => u.scopeLabel))];
  return (
    <>
      {groups.length > 0 && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              You lack {countOf(groups.length, 'permission')} this plan needs. Nothing has been sent to Azure.
            </MessageBarTitle>
            <ul className={styles.list}>
              {groups.map((group) => (
                <li key={`${group.action}|${group.scopeLabel}`}>
                  <span className={styles.code}>{group.action}</span> on {group.scopeLabel}, granted by <strong>{group.roles}</strong>. Needed
                  for: {group.items.join('; ')}.
                </li>
              ))}
            </ul>
            <p className={styles.advice}>
              Ask an Owner or User Access Administrator to assign you the role, sign out and in again, then check again.
              {blockedVms.length > 0 && !otherMissing
                ? ' Or leave out the virtual machines you may not protect.'
                : ''}
            </p>
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowClockwise20Regular />} onClick={onRecheck}>
              Check again
            </Button>
            {blockedVms.length > 0 && (
              <Button onClick={() => onLeaveOut(blockedVms.map((vm) => vm.id))}>
                Leave out {countOf(blockedVms.length, 'virtual machine')}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {conflicts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{countOf(conflicts.length, 'item')} cannot be done as chosen. Nothing has been sent to Azure.</MessageBarTitle>
            <ul className={styles.list}>
              {conflicts.map((item) => (
                <li key={item.key}>
                  <strong>{item.title}:</strong> {item.detail}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          {(conflictingVms.length > 0 || refusedVms.length > 0) && (
            <MessageBarActions>
              {conflictingVms.length > 0 && (
                <Button onClick={() => onLeaveOut(conflictingVms)}>Leave out {countOf(conflictingVms.length, 'virtual machine')}</Button>
              )}
              {refusedVms.length > 0 && (
                <Button onClick={() => onLeaveOut(refusedVms)}>Leave out {countOf(refusedVms.length, 'virtual machine')} Azure Backup refuses</Button>
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {uncheckedScopes.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some permissions could not be checked</MessageBarTitle>
            Azure did not say what you may do on {uncheckedScopes.join(', ')}. You can continue; a write you may not make
            will fail on the Enable step with Azure's reason.
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowClockwise20Regular />} onClick={onRecheck}>
              Check again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
