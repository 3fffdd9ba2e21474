// A cursor over the tokens, with the checks the parsers share. Every failure is ARG's
// ParserFailure at the offending token.
import { kqlErrors } from './errors.ts';
import type { Token } from './lexer.ts';

export class TokenStream {
  private readonly tokens: Token[];
  private i = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  get position(): number {
    return this.i;
  }

  set position(p: number) {
    this.i = p;
  }

  /** Is the current token this operator or punctuation? */
  isOp(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.text === text;
  }

  /** Is the current token this word (identifier-shaped keyword)? */
  isWord(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.text === text;
  }

  acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.next();
    return true;
  }

  acceptWord(text: string): boolean {
    if (!this.isWord(text)) return false;
    this.next();
    return true;
  }

  expectOp(text: string): Token {
    if (!this.isOp(text)) throw this.fail(text);
    return this.next();
  }

  expectWord(text: string): Token {
    if (!this.isWord(text)) throw this.fail(text);
    return this.next();
  }

  expectIdent(): Token {
    const t = this.peek();
    if (t.kind !== 'ident') throw this.fail();
    return this.next();
  }

  /** A column name: an identifier or a bracketed string ['name with spaces']. */
  expectName(): { text: string; token: Token } {
    const t = this.peek();
    if (t.kind === 'ident') return { text: this.next().text, token: t };
    if (this.isOp('[') && this.peek(1).kind === 'string' && this.isOp(']', 2)) {
      this.next();
      const s = this.next();
      this.next();
      return { text: String(s.value), token: t };
    }
    throw this.fail();
  }

  /** ParserFailure at the current token. */
  fail(expected?: string): Error {
    const t = this.peek();
    return kqlErrors.parser(t.pos, t.text, expected);
  }
}
