// Errors in Azure Resource Graph's shape: outer code BadRequest, then details whose first entry
// is the generic InvalidQuery and the next ones say what is wrong. One factory per ARG error.
// Wording confirmed from real ARG bodies quoted in public issues and SDK tests (see
// emulator/README.md, "Resource Graph query language"); codes marked [unconfirmed] are ours.

export interface KqlErrorDetail {
  code: string;
  message: string;
  line?: number;
  characterPositionInLine?: number;
  token?: string;
  expectedToken?: string;
  [k: string]: unknown;
}

/** Where a token starts: line from 1, character position in the line from 0 (as ARG reports it). */
export interface Pos {
  line: number;
  col: number;
}

const INVALID_QUERY: KqlErrorDetail = {
  code: 'InvalidQuery',
  message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
};

export class KqlError extends Error {
  /** ARG's outer error code; the endpoint adds its "Please provide below info…" message. */
  readonly code = 'BadRequest';
  /** The HTTP status ARG answers these with. */
  readonly status = 400;
  readonly details: KqlErrorDetail[];

  constructor(detail: KqlErrorDetail) {
    super(detail.message === 'ParserFailure' ? `ParserFailure at line ${detail.line}, position ${detail.characterPositionInLine}: '${detail.token}'` : detail.message);
    this.name = 'KqlError';
    this.details = [{ ...INVALID_QUERY }, detail];
  }
}

const at = (pos: Pos | undefined): { line?: number; characterPositionInLine?: number } =>
  pos ? { line: pos.line, characterPositionInLine: pos.col } : {};

export const kqlErrors = {
  // Confirmed: {"code":"ParserFailure","message":"ParserFailure","line":1,"characterPositionInLine":11,"token":"<EOF>"}.
  parser: (pos: Pos, token: string, expectedToken?: string) =>
    new KqlError({
      code: 'ParserFailure',
      message: 'ParserFailure',
      line: pos.line,
      characterPositionInLine: pos.col,
      token,
      ...(expectedToken === undefined ? {} : { expectedToken }),
    }),
  // Confirmed: {"code":"UnknownFunction","message":"Unknown function: 'cout'."}; the position is our addition.
  unknownFunction: (name: string, pos: Pos) =>
    new KqlError({ code: 'UnknownFunction', message: `Unknown function: '${name}'.`, ...at(pos) }),
  // Confirmed: {"code":"DisallowedLogicalTableName","message":"Table appserviceresources is invalid, unsupported or disallowed."}.
  unknownTable: (name: string, pos: Pos) =>
    new KqlError({ code: 'DisallowedLogicalTableName', message: `Table ${name} is invalid, unsupported or disallowed.`, ...at(pos) }),
  // Confirmed: The join kind "LeftSemi" is not supported or not allowed. (Code: UnsupportedJoinFlavor)
  unsupportedJoinFlavor: (kind: string, pos: Pos) =>
    new KqlError({ code: 'UnsupportedJoinFlavor', message: `The join kind "${kind}" is not supported or not allowed.`, ...at(pos) }),
  // [unconfirmed] code; the message is Kusto's SEM0100 wording.
  unknownColumn: (operator: string, name: string, pos: Pos) =>
    new KqlError({
      code: 'FailedToResolveScalarExpression',
      message: `'${operator}' operator: Failed to resolve scalar expression named '${name}'`,
      ...at(pos),
    }),
  // [unconfirmed] code; ARG documents "a default limit of 3 join and 3 mv-expand operators".
  tooManyJoins: (count: number, limit: number) =>
    new KqlError({
      code: 'DisallowedMaxNumberOfJoinOperators',
      message: `The query has ${count} join operators; at most ${limit} are allowed in a single Resource Graph query.`,
    }),
  // [unconfirmed] code.
  tooManyMvExpands: (count: number, limit: number) =>
    new KqlError({
      code: 'DisallowedMaxNumberOfMvExpandOperators',
      message: `The query has ${count} mv-expand operators; at most ${limit} are allowed in a single Resource Graph query.`,
    }),
  // [unconfirmed] code; ARG documents "Limit of 3 union legs in a single query".
  tooManyUnionLegs: (count: number, limit: number, pos: Pos) =>
    new KqlError({
      code: 'DisallowedMaxNumberOfUnionLegs',
      message: `The union has ${count} legs; at most ${limit} are allowed in a single Resource Graph query.`,
      ...at(pos),
    }),
  // [unconfirmed] code: semantic errors Kusto reports as SEM00xx (wrong argument count, bad operand, …).
  semantic: (message: string, pos?: Pos) => new KqlError({ code: 'InvalidQuerySemantics', message, ...at(pos) }),
};
