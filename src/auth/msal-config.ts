import { BrowserCacheLocation, LogLevel, ProtocolMode, type Configuration } from '@azure/msal-browser';
import type { AppConfig } from '../config/env.ts';

/** The one MSAL configuration factory: local and Azure differ only in the values from AppConfig. */
export function createMsalConfiguration(config: AppConfig): Configuration {
  return {
    auth: {
      clientId: config.auth.clientId,
      authority: config.auth.authority,
      // Listing the host stops MSAL from asking login.microsoftonline.com for instance discovery.
      knownAuthorities: config.auth.knownAuthorities,
      redirectUri: config.auth.redirectUri,
      postLogoutRedirectUri: config.auth.postLogoutRedirectUri,
    },
    // sessionStorage: tokens end with the tab; the wizard's progress lives elsewhere (src/store).
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      protocolMode: config.auth.protocol === 'OIDC' ? ProtocolMode.OIDC : ProtocolMode.AAD,
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) console.error(message);
          else if (level === LogLevel.Warning) console.warn(message);
        },
      },
    },
  };
}
