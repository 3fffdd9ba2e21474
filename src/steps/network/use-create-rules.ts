import { useCallback, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { rulePutBody, type CreatedRule } from '../../azure/network-security.ts';
import type { ProposedRule } from '../../readiness/index.ts';
import { useWizardStore } from '../../store/store-context.tsx';

export type CreateRulesState =
  | { status: 'idle' }
  | { status: 'working'; index: number; total: number; name: string }
  | { status: 'done'; created: CreatedRule[] }
  | { status: 'failed'; error: AzureError; name: string; created: CreatedRule[] };

export type CreateRulesRequest = {
  subscriptionId: string;
  nsgId: string;
  rules: readonly ProposedRule[];
  purpose: 'allow' | 'proxy';
  forVmId?: string;
};

/**
 * Creates security rules one after the other (each an asynchronous PUT followed to its end) and records each
 * in the network slice as soon as Azure confirms it. A second call while one runs is ignored, so a rule can't
 * be sent twice; a retry after a failure re-sends every rule, which is safe because a PUT by name is idempotent.
 */
export function useCreateRules(onDone?: (request: CreateRulesRequest, created: CreatedRule[]) => void) {
  const gateway = useArmGateway();
  const recordCreatedRule = useWizardStore((s) => s.recordCreatedRule);
  const [state, setState] = useState<CreateRulesState>({ status: 'idle' });
  const busy = useRef(false);

  const create = useCallback(
    async (request: CreateRulesRequest) => {
      if (busy.current) return;
      busy.current = true;
      const created: CreatedRule[] = [];
      let current = request.rules[0]?.name ?? '';
      try {
        for (const [index, rule] of request.rules.entries()) {
          current = rule.name;
          setState({ status: 'working', index, total: request.rules.length, name: rule.name });
          const result = await gateway.createSecurityRule(request.subscriptionId, request.nsgId, rule);
          created.push(result);
          recordCreatedRule({
            id: result.id,
            nsgId: request.nsgId,
            name: result.name,
            purpose: request.purpose,
            body: rulePutBody(rule).properties,
            ...(request.forVmId ? { forVmId: request.forVmId } : {}),
          });
        }
        setState({ status: 'done', created });
        onDone?.(request, created);
      } catch (error) {
        setState({ status: 'failed', error: toAzureError(error), name: current, created });
      } finally {
        busy.current = false;
      }
    },
    [gateway, recordCreatedRule, onDone],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, create, reset };
}
