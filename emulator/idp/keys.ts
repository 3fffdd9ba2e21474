// The IdP's secrets are made once and kept in the git-ignored .certs folder, so access tokens and
// session cookies issued before a restart of the emulator stay valid after it.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';

export interface IdpSecrets {
  signingKey: JWK; // private RSA key with kid, alg RS256, use sig
  cookieKeys: string[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export async function loadOrCreateSecrets(keyFile: string): Promise<IdpSecrets> {
  const cookieFile = keyFile.replace(/(\.json)?$/, '.cookie-keys.json');
  const signingKey = (await readJson<JWK>(keyFile, isPrivateRsaJwk)) ?? (await createSigningKey(keyFile));
  const cookieKeys =
    (await readJson<string[]>(cookieFile, isStringArray)) ?? (await save(cookieFile, [randomBytes(32).toString('base64url')]));
  return { signingKey, cookieKeys };
}

export function toPublicJwk(jwk: JWK): JWK {
  const copy: JWK = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  return copy;
}

async function createSigningKey(file: string): Promise<JWK> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return save(file, { ...jwk, kid, alg: 'RS256', use: 'sig' });
}

async function readJson<T>(file: string, valid: (value: unknown) => boolean): Promise<T | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return valid(value) ? (value as T) : undefined;
  } catch {
    return undefined; // missing or corrupt: make a new one
  }
}

async function save<T>(file: string, value: T): Promise<T> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  return value;
}

function isPrivateRsaJwk(value: unknown): boolean {
  const jwk = value as Partial<Record<string, unknown>> | null;
  return typeof jwk === 'object' && jwk !== null && jwk['kty'] === 'RSA' && typeof jwk['d'] === 'string' && typeof jwk['kid'] === 'string';
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}
