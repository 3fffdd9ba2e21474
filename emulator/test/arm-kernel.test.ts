// The ARM conventions in emulator/arm, tested on their own.
import { describe, expect, it } from 'vitest';
import { ArmError, armErrors } from '../arm/errors.ts';
import { createOperations } from '../arm/lro.ts';
import { isAuthorized, canSeeSubscription, roleAllows, scopeWithin } from '../arm/rbac.ts';
import { createRouter } from '../arm/router.ts';
import { defaultSettings } from '../arm/settings.ts';
import { createThrottle } from '../arm/throttle.ts';
import type { ArmRoute } from '../arm/types.ts';

const route = (method: ArmRoute['method'], path: string): ArmRoute => ({
  method,
  path,
  apiVersions: ['2020-01-01'],
  action: 'x/read',
  handler: () => ({ status: 200 }),
});

describe('router', () => {
  const vault = route('GET', '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}');
  const item = route('PUT', '/subscriptions/{s}/providers/X/containers/{containerName}/items/{itemName}');
  const literal = route('GET', '/subscriptions/{s}/providers/{namespace}');
  const specific = route('GET', '/subscriptions/{s}/providers/Microsoft.Compute');
  const router = createRouter([vault, item, literal, specific]);

  it('matches literal segments case-insensitively and keeps param case', () => {
    const m = router.match('GET', ['Subscriptions', 'abc', 'resourcegroups', 'RG-One', 'PROVIDERS', 'microsoft.recoveryservices', 'Vaults', 'MyVault']);
    expect(m).toEqual({ kind: 'match', match: { route: vault, params: { subscriptionId: 'abc', resourceGroupName: 'RG-One', vaultName: 'MyVault' } } });
  });

  it('takes decoded names with semicolons as one segment', () => {
    const m = router.match('PUT', ['subscriptions', 's', 'providers', 'X', 'containers', 'iaasvmcontainer;iaasvmcontainerv2;rg;vm', 'items', 'vm;iaasvmcontainerv2;rg;vm']);
    expect(m.kind === 'match' && m.match.params['containerName']).toBe('iaasvmcontainer;iaasvmcontainerv2;rg;vm');
  });

  it('prefers the most specific template', () => {
    const m = router.match('GET', ['subscriptions', 's', 'providers', 'microsoft.compute']);
    expect(m.kind === 'match' && m.match.route).toBe(specific);
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('DELETE', ['subscriptions', 's', 'providers', 'x']).kind).toBe('methodNotAllowed');
    expect(router.match('GET', ['nothing', 'here']).kind).toBe('none');
  });
});

describe('errors', () => {
  it('uses the ARM envelope and carries challenge headers', () => {
    const e = armErrors.missingAuthorization('https://localhost/idp');
    expect(e).toBeInstanceOf(ArmError);
    expect(e.status).toBe(401);
    expect(e.toBody()).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(e.headers['WWW-Authenticate']).toContain('authorization_uri="https://localhost/idp"');
  });

  it('names action and scope in AuthorizationFailed', () => {
    const e = armErrors.authorizationFailed({ objectId: 'o1', displayName: 'rita@contoso.example' }, 'Microsoft.Resources/subscriptions/resourceGroups/write', '/subscriptions/s/resourcegroups/x');
    expect(e.message).toContain("perform action 'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '/subscriptions/s/resourcegroups/x'");
  });

  it('prints token expiry times the way ARM does', () => {
    const e = armErrors.expiredToken('a', new Date('2026-11-25T17:05:09Z'), new Date('2026-11-25T18:00:00Z'));
    expect(e.message).toBe("The access token expiry UTC time '11/25/2026 5:05:09 PM' is earlier than current UTC time '11/25/2026 6:00:00 PM'.");
  });
});

describe('throttle', () => {
  it('empties a bucket, answers Retry-After, and refills over time', () => {
    let now = 0;
    const settings = defaultSettings();
    settings.throttle.readCapacity = 2;
    settings.throttle.readRefillPerSecond = 0.5;
    const t = createThrottle(() => settings, () => now);
    expect(t.take('s|p', 'read')).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(t.take('s|p', 'read').allowed).toBe(true);
    expect(t.take('s|p', 'read')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 2 });
    expect(t.take('s|other', 'read').allowed).toBe(true);
    expect(t.take('s|p', 'write').allowed).toBe(true);
    now = 2000;
    expect(t.take('s|p', 'read').allowed).toBe(true);
  });
});

describe('long-running operations', () => {
  it('stay InProgress until the delay passes, then settle once', () => {
    let now = 1000;
    const settings = defaultSettings();
    settings.lroDelayMs = 500;
    const ops = createOperations(() => settings, () => now);
    let runs = 0;
    const op = ops.start(() => {
      runs += 1;
      return { status: 'Succeeded', result: { done: true } };
    });
    expect(ops.get(op.id)?.status).toBe('InProgress');
    now = 1499;
    expect(ops.get(op.id)?.status).toBe('InProgress');
    now = 1500;
    expect(ops.get(op.id)).toMatchObject({ status: 'Succeeded', result: { done: true } });
    ops.get(op.id);
    expect(runs).toBe(1);
  });

  it('complete at once with no delay, and turn thrown ARM errors into Failed', () => {
    const settings = defaultSettings();
    settings.lroDelayMs = 0;
    const ops = createOperations(() => settings);
    const op = ops.start(() => {
      throw armErrors.invalidRequestBody('bad');
    });
    expect(op).toMatchObject({ status: 'Failed', error: { code: 'InvalidRequestContent', message: 'bad' } });
  });
});

describe('rbac', () => {
  const sub = '/subscriptions/11111111-1111-4111-8111-111111111111';
  const assignments = [
    { principalId: 'reader', roleName: 'Reader' as const, scope: sub },
    { principalId: 'backup', roleName: 'Backup Contributor' as const, scope: `${sub}/resourceGroups/rg-backup` },
    { principalId: 'contrib', roleName: 'Contributor' as const, scope: sub },
  ];

  it('matches actions with wildcards, case-insensitively, minus notActions', () => {
    expect(roleAllows('Reader', 'Microsoft.Compute/virtualMachines/read')).toBe(true);
    expect(roleAllows('Reader', 'Microsoft.Compute/virtualMachines/write')).toBe(false);
    expect(roleAllows('Contributor', 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
    expect(roleAllows('Backup Contributor', 'microsoft.recoveryservices/vaults/backuppolicies/write')).toBe(true);
    expect(roleAllows('Backup Operator', 'Microsoft.RecoveryServices/Vaults/backupPolicies/write')).toBe(false);
  });

  it('inherits down the scope tree only', () => {
    expect(scopeWithin(`${sub}/resourceGroups/rg-backup/providers/x`, `${sub}/resourcegroups/RG-BACKUP`)).toBe(true);
    expect(scopeWithin(`${sub}/resourceGroups/rg-backup2`, `${sub}/resourceGroups/rg-backup`)).toBe(false);
    const vault = `${sub}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v`;
    expect(isAuthorized(assignments, 'backup', 'Microsoft.RecoveryServices/Vaults/write', vault)).toBe(true);
    expect(isAuthorized(assignments, 'backup', 'Microsoft.RecoveryServices/Vaults/write', `${sub}/resourceGroups/other`)).toBe(false);
    expect(isAuthorized(assignments, 'reader', 'Microsoft.RecoveryServices/Vaults/write', vault)).toBe(false);
    expect(isAuthorized(assignments, 'contrib', 'Microsoft.RecoveryServices/Vaults/write', vault)).toBe(true);
  });

  it('lets a resource-group role see its subscription', () => {
    expect(canSeeSubscription(assignments, 'backup', '11111111-1111-4111-8111-111111111111')).toBe(true);
    expect(canSeeSubscription(assignments, 'nobody', '11111111-1111-4111-8111-111111111111')).toBe(false);
  });
});
