// Usage: node scripts/write-host-headers.ts [--authority https://login.microsoftonline.com/<tenant>]
// Writes the static hosts' header files into public/ from src/shared/security-headers.ts.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { headersFile, staticWebAppConfig } from '../src/shared/host-header-files.ts';
import { staticHostHeaders } from '../src/shared/security-headers.ts';

const { values } = parseArgs({ options: { authority: { type: 'string' } } });
const headers = staticHostHeaders(values.authority);
const publicDir = new URL('../public/', import.meta.url);
writeFileSync(new URL('_headers', publicDir), headersFile(headers));
writeFileSync(new URL('staticwebapp.config.json', publicDir), staticWebAppConfig(headers));
console.log('Wrote public/_headers and public/staticwebapp.config.json');
