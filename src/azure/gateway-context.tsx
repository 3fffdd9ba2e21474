import { createContext, use, type ReactNode } from 'react';
import type { ArmGateway } from './gateway.ts';

const GatewayContext = createContext<ArmGateway | null>(null);

export function ArmGatewayProvider({ gateway, children }: { gateway: ArmGateway; children: ReactNode }) {
  return <GatewayContext value={gateway}>{children}</GatewayContext>;
}

export function useArmGateway(): ArmGateway {
  const gateway = use(GatewayContext);
  if (!gateway) throw new Error('useArmGateway must be used inside <ArmGatewayProvider>.');
  return gateway;
}
