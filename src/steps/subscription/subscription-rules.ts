import type { Subscription } from '../../azure/subscriptions.ts';

/**
 * Why a subscription can't hold a new vault or protected VMs, or null if it can. Disabled and deleted
 * subscriptions are read-only in Azure, so every write the wizard makes later would fail.
 */
export function whyNotSelectable(subscription: Subscription): string | null {
  switch (subscription.state) {
    case 'Enabled':
    case 'Warned':
    case 'PastDue':
      return null;
    case 'Disabled':
      return 'This subscription is disabled, so Azure does not allow creating a vault or enabling backup in it. Re-enable it, or choose another.';
    case 'Deleted':
      return 'This subscription is deleted, so nothing can be created in it. Choose another.';
    case 'Unknown':
      return 'Azure did not report the state of this subscription, so the wizard cannot tell whether it accepts changes. Choose another.';
  }
}
