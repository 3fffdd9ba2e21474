// Microsoft.ResourceGraph: the one query endpoint. A tenant-level POST that ARM counts against the caller's
// tenant read bucket; it checks no ARM action, because Resource Graph filters rows by what the caller may
// read instead (emulator/graph/). The service is built per emulator (it follows that emulator's store).
import { API_VERSIONS } from '../arm/api-versions.ts';
import type { ArmRoute } from '../arm/types.ts';
import type { GraphService } from '../graph/service.ts';

export function resourceGraphRoutes(graph: GraphService): ArmRoute[] {
  return [
    {
      method: 'POST',
      path: '/providers/Microsoft.ResourceGraph/resources',
      apiVersions: API_VERSIONS.resourceGraph,
      action: 'Microsoft.ResourceGraph/resources/read',
      public: true,
      kind: 'read',
      handler: (ctx) => {
        const { headers, body } = graph.query({ principal: ctx.principal, body: ctx.body, correlationId: ctx.correlationId });
        return { status: 200, headers, body };
      },
    },
  ];
}
