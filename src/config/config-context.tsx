import { createContext, use, type ReactNode } from 'react';
import type { AppConfig } from './env.ts';

const ConfigContext = createContext<AppConfig | null>(null);

export function AppConfigProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  return <ConfigContext value={config}>{children}</ConfigContext>;
}

export function useAppConfig(): AppConfig {
  const config = use(ConfigContext);
  if (!config) throw new Error('useAppConfig must be used inside <AppConfigProvider>.');
  return config;
}
