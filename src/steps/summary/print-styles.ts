import { makeStaticStyles } from '@fluentui/react-components';

/**
 * The printed summary: only the report. The wizard's chrome (header, step list, skip link) and every control
 * are left out; colours become black on white, so it reads the same on a black-and-white printer; sections and
 * table rows are not split across pages, and headings stay with what follows them.
 */
export const usePrintStyles = makeStaticStyles(`
@media print {
  @page { margin: 16mm 14mm; }
  html, body { background: #fff !important; color: #000 !important; }
  header, nav, a[href="#main"], main button, [data-print="hide"] { display: none !important; }
  div:has(> nav) { display: none !important; }
  div:has(> main) { display: block !important; }
  main { padding: 0 !important; max-width: none !important; }
  main *, main *::before, main *::after {
    color: #000 !important;
    background: transparent !important;
    box-shadow: none !important;
  }
  [data-print="section"] { break-inside: avoid-page; page-break-inside: avoid; }
  [data-print="long-section"] { break-inside: auto; }
  h1, h2, h3 { break-after: avoid-page; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #000 !important; padding: 2pt 4pt !important; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  pre { white-space: pre-wrap !important; word-break: break-all; border: 1px solid #000 !important; }
  [data-print="badge"] { border: 1px solid #000 !important; }
}
`);
