import { createDOMRenderer, type GriffelRenderer } from '@fluentui/react-components';
import { CSP_NONCE_PLACEHOLDER } from '../shared/security-headers.ts';

/**
 * Fluent UI's style renderer, giving every <style> element it inserts this page's CSP nonce (see
 * src/shared/security-headers.ts). The nonce comes from <meta property="csp-nonce">, which the emulator fills
 * per response; a static host leaves Vite's placeholder there, and its policy admits empty <style> elements.
 */
export function createStyleRenderer(target: Document): GriffelRenderer {
  const meta = target.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  // Browsers hide a nonce attribute from getAttribute once the page is parsed; the property keeps it.
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  const usable = nonce !== '' && nonce !== CSP_NONCE_PLACEHOLDER;
  return createDOMRenderer(target, usable ? { styleElementAttributes: { nonce } } : {});
}
