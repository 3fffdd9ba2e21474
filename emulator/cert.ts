// A local certificate authority and a `localhost` certificate it signs, so the emulator can serve
// HTTPS that Node clients (NODE_EXTRA_CA_CERTS) and browsers (one-time import of ca.pem) trust.
// The CA private key is deliberately never written to disk: once a user has trusted ca.pem, a
// stored CA key could mint certificates for any site. When the leaf expires, both are remade.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';

export interface LocalCertificate {
  key: string;
  cert: string;
  caFile: string;
}

const CA_FILE = 'ca.pem';
const KEY_FILE = 'localhost-key.pem';
const CERT_FILE = 'localhost.pem';
const DAY_MS = 24 * 60 * 60 * 1000;
// Renew a little before expiry so a long-running server does not cross the deadline.
const RENEW_BEFORE_MS = 7 * DAY_MS;

export async function ensureCertificate(dir = '.certs'): Promise<LocalCertificate> {
  const absDir = resolve(dir);
  const existing = await readValid(absDir);
  if (existing) return existing;
  await mkdir(absDir, { recursive: true });
  // Parallel first runs (a server and a test runner) must not interleave CA and leaf files.
  return withLock(absDir, async () => (await readValid(absDir)) ?? (await create(absDir)));
}

async function readValid(dir: string): Promise<LocalCertificate | undefined> {
  try {
    const read = (file: string) => readFile(join(dir, file), 'utf8');
    const [caPem, key, cert] = await Promise.all([read(CA_FILE), read(KEY_FILE), read(CERT_FILE)]);
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(cert);
    const renewAt = Date.now() + RENEW_BEFORE_MS;
    const valid =
      ca.ca &&
      new Date(ca.validTo).getTime() > renewAt &&
      new Date(leaf.validTo).getTime() > renewAt &&
      leaf.checkIssued(ca) &&
      leaf.verify(ca.publicKey) &&
      leaf.checkPrivateKey(createPrivateKey(key)) &&
      leaf.checkHost('localhost') !== undefined;
    return valid ? { key, cert, caFile: join(dir, CA_FILE) } : undefined;
  } catch {
    return undefined; // missing or unreadable: regenerate
  }
}

async function create(dir: string): Promise<LocalCertificate> {
  // Backdated a day so a slightly skewed clock elsewhere (a VM, a container) still accepts it.
  const now = new Date(Date.now() - DAY_MS);
  const ca = await generate([{ name: 'commonName', value: 'vm-backup-wizard local CA' }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: now,
    notAfterDate: addDays(now, 3650),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  // 825 days is the longest validity Apple platforms accept for a TLS server certificate.
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: now,
    notAfterDate: addDays(now, 825),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await writeAtomic(join(dir, KEY_FILE), leaf.private, 0o600);
  await writeAtomic(join(dir, CERT_FILE), leaf.cert, 0o644);
  await writeAtomic(join(dir, CA_FILE), ca.cert, 0o644);
  return { key: leaf.private, cert: leaf.cert, caFile: join(dir, CA_FILE) };
}

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, file);
}

async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dir, '.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 300) throw error;
      // A crashed process leaves its lock behind; generation takes well under a minute.
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 60_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
