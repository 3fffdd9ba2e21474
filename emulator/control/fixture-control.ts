// POST /_emulator/fixture: swap the tenant at run time, so a spec can run on thousands of VMs without a
// server of its own. {"generate": {vmCount, seed?, vmsPerResourceGroup?}} loads a generated tenant
// (state/generate-fixture.ts), {"default": true} the contoso fixture. /_emulator/reset still returns to
// the fixture the server started with.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ArmService } from '../arm/pipeline.ts';
import { generateFixture } from '../state/generate-fixture.ts';
import { DEFAULT_FIXTURE_PATH, loadFixtureFile, parseFixture, type Store } from '../state/store.ts';

const fixtureSchema = z.union([
  z.strictObject({
    generate: z.strictObject({
      vmCount: z.number().int().min(1).max(20_000),
      seed: z.number().int().optional(),
      vmsPerResourceGroup: z.number().int().min(1).optional(),
    }),
  }),
  z.strictObject({ default: z.literal(true) }),
]);

export function registerFixtureControl(scope: FastifyInstance, deps: { arm: ArmService; store: Store }): void {
  scope.post('/fixture', async (req, reply) => {
    const parsed = fixtureSchema.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: { code: 'InvalidFixture', message: parsed.error.message } });
    const started = performance.now();
    const fixture =
      'generate' in parsed.data
        ? parseFixture(
            generateFixture({
              vmCount: parsed.data.generate.vmCount,
              ...(parsed.data.generate.seed === undefined ? {} : { seed: parsed.data.generate.seed }),
              ...(parsed.data.generate.vmsPerResourceGroup === undefined ? {} : { vmsPerResourceGroup: parsed.data.generate.vmsPerResourceGroup }),
            }),
            'generated fixture',
          )
        : loadFixtureFile(DEFAULT_FIXTURE_PATH);
    deps.store.replace(fixture);
    // Operations, throttling buckets, faults and the request log belonged to the previous tenant.
    deps.arm.reset();
    const vms = deps.store.list({ type: 'Microsoft.Compute/virtualMachines', scope: '/subscriptions' }).length;
    return { description: fixture.description ?? null, virtualMachines: vms, ms: Math.round(performance.now() - started) };
  });
}
