// The query language's syntax (literals, comments, multi-line) and every error the engine
// raises, in ARG's shape: BadRequest, details [InvalidQuery, specific detail with position].
import { describe, expect, it } from 'vitest';
import type { KqlErrorDetail } from '../../graph/kql/index.ts';
import { KqlError, LIMITS, evaluate, parseQuery } from '../../graph/kql/index.ts';
import { input, rowsOf, run } from './arg-rows.ts';

function failure(query: string): KqlErrorDetail {
  try {
    run(query);
  } catch (e) {
    expect(e).toBeInstanceOf(KqlError);
    const err = e as KqlError;
    expect(err.code).toBe('BadRequest');
    expect(err.details[0]).toEqual({
      code: 'InvalidQuery',
      message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
    });
    return err.details[1] as KqlErrorDetail;
  }
  throw new Error(`no error for: ${query}`);
}

describe('syntax', () => {
  it('string literals: quotes, escapes, verbatim, concatenation', () => {
    const r = rowsOf(`t | project a = 'it\\'s', b = "say \\"hi\\"", c = @'C:\\temp', d = @"a""b", e = 'tab\\there', f = 'x' "y", g = '\\u0041'`, [{}])[0];
    expect(r).toEqual({ a: "it's", b: 'say "hi"', c: 'C:\\temp', d: 'a"b', e: 'tab\there', f: 'xy', g: 'A' });
  });

  it('comments, multi-line queries and a trailing semicolon', () => {
    const q = `// all VMs
Resources // the default table
| where type == 'microsoft.compute/virtualmachines' // only VMs
| count;`;
    expect(run(q).rows).toEqual([{ Count: 4 }]);
  });

  it('bracketed column names and $-names', () => {
    expect(rowsOf("t | where ['type'] == 'a' | project x = ['my col']", [{ type: 'a', 'my col': 1 }])).toEqual([{ x: 1 }]);
    expect(rowsOf('t | project v = d.$type', [{ d: { $type: 'T' } }])).toEqual([{ v: 'T' }]);
  });

  it('the AST is reusable across inputs', () => {
    const ast = parseQuery('Resources | count');
    expect(evaluate(ast, input()).rows).toEqual([{ Count: 19 }]);
    expect(evaluate(ast, { table: () => [] }).rows).toEqual([{ Count: 0 }]);
    expect(() => evaluate({}, input())).toThrow(TypeError);
  });
});

describe('parser failures', () => {
  it('reports the token and its position, as ARG does for "where where"', () => {
    expect(failure('where where')).toEqual({ code: 'ParserFailure', message: 'ParserFailure', line: 1, characterPositionInLine: 11, token: '<EOF>' });
  });

  it.each([
    ['Resources | where', 1, 17, '<EOF>'],
    ['Resources | project name,', 1, 25, '<EOF>'],
    ['Resources\n| where name == "x"\n| summarize count( by name', 3, 19, 'by'],
    ['Resources | frobnicate', 1, 12, 'frobnicate'],
    ['Resources | mv-apply x on (take 1)', 1, 12, 'mv-apply'],
    ["Resources | where name == 'unterminated", 1, 26, "'unterminated"],
    ['Resources | where name = 1', 1, 23, '='],
    ['Resources | take 1 2', 1, 19, '2'],
    ['Resources | order name', 1, 18, 'name'],
    ['Resources | join kind=inner (Resources on id', 1, 39, 'on'],
    ['Resources | where x == #', 1, 23, '#'],
  ])('%j', (query, line, col, token) => {
    expect(failure(query)).toMatchObject({ code: 'ParserFailure', line, characterPositionInLine: col, token });
  });
});

describe('semantic errors', () => {
  it('unknown function, with its name and position', () => {
    expect(failure('Resources\n| summarize cout()')).toEqual({ code: 'UnknownFunction', message: "Unknown function: 'cout'.", line: 2, characterPositionInLine: 12 });
    expect(failure('Resources | where tolowr(name) == "x"')).toMatchObject({ code: 'UnknownFunction', message: "Unknown function: 'tolowr'." });
  });

  it('unknown table', () => {
    expect(failure('Resourcez | count')).toEqual({
      code: 'DisallowedLogicalTableName',
      message: 'Table Resourcez is invalid, unsupported or disallowed.',
      line: 1,
      characterPositionInLine: 0,
    });
    expect(failure('Resources | join (Nope) on id')).toMatchObject({ code: 'DisallowedLogicalTableName' });
  });

  it('unknown column, named as Kusto names it, in where, project and the rest', () => {
    expect(failure('Resources | where nme == "x"')).toEqual({
      code: 'FailedToResolveScalarExpression',
      message: "'where' operator: Failed to resolve scalar expression named 'nme'",
      line: 1,
      characterPositionInLine: 18,
    });
    expect(failure('Resources | project id, nam')).toMatchObject({ message: "'project' operator: Failed to resolve scalar expression named 'nam'" });
    expect(failure('Resources | extend x = y')).toMatchObject({ message: "'extend' operator: Failed to resolve scalar expression named 'y'" });
    expect(failure('Resources | summarize count() by nope')).toMatchObject({ message: "'summarize' operator: Failed to resolve scalar expression named 'nope'" });
    expect(failure('Resources | project-away nope')).toMatchObject({ message: "'project-away' operator: Failed to resolve scalar expression named 'nope'" });
    expect(failure('Resources | project name | where id == "x"')).toMatchObject({ message: "'where' operator: Failed to resolve scalar expression named 'id'" });
  });

  it('columns are case-sensitive', () => {
    expect(failure('Resources | project Name')).toMatchObject({ code: 'FailedToResolveScalarExpression' });
  });

  it('summarize needs aggregation functions, and aggregations need summarize', () => {
    expect(failure('Resources | summarize tolower(name)')).toMatchObject({ code: 'InvalidQuerySemantics' });
    expect(failure('Resources | project n = count()')).toMatchObject({ code: 'InvalidQuerySemantics' });
    expect(failure('Resources | summarize sum(*)')).toMatchObject({ code: 'InvalidQuerySemantics' });
  });
});

describe('ARG limits', () => {
  const joins = (n: number) => `Resources${' | join kind=leftouter (Resources | project id) on id'.repeat(n)} | count`;
  const expands = (n: number) => `Resources${' | mv-expand tags'.repeat(n)} | count`;

  it(`allows ${LIMITS.joins} joins and refuses more`, () => {
    expect(() => run(joins(3))).not.toThrow();
    expect(failure(joins(4))).toMatchObject({ code: 'DisallowedMaxNumberOfJoinOperators' });
    expect(() => parseQuery(joins(4))).toThrow(KqlError);
  });

  it(`allows ${LIMITS.mvExpands} mv-expands and refuses more`, () => {
    expect(() => run(expands(3))).not.toThrow();
    expect(failure(expands(4))).toMatchObject({ code: 'DisallowedMaxNumberOfMvExpandOperators' });
  });

  it('counts joins inside subqueries and lets', () => {
    expect(failure(`let j = Resources | join (Resources) on id | join (Resources) on id; j | join (Resources | join (Resources) on id) on id`)).toMatchObject({
      code: 'DisallowedMaxNumberOfJoinOperators',
    });
  });

  it(`allows ${LIMITS.unionLegs} union legs`, () => {
    expect(() => run('Resources | union ResourceContainers, RecoveryServicesResources | count')).not.toThrow();
    expect(failure('Resources | union ResourceContainers, RecoveryServicesResources, Resources | count')).toMatchObject({ code: 'DisallowedMaxNumberOfUnionLegs' });
  });
});
