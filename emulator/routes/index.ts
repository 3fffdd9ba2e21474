// Every ARM route the emulator serves, grouped by resource provider area.
import type { ArmRoute } from '../arm/types.ts';
import { computeRoutes } from './compute.ts';
import { providerRoutes } from './providers.ts';
import { resourceGroupRoutes } from './resource-groups.ts';
import { subscriptionRoutes } from './subscriptions.ts';

export const armRoutes: readonly ArmRoute[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...providerRoutes,
  ...computeRoutes,
];
