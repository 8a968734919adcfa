/**
 * Parses a Liquid template in time linear in its length. liquidjs hands its token list to the parser and to
 * every block tag as an array and takes tokens off with `shift()`; on a long post (a 1 MB post has tens of
 * thousands of tokens) each shift moves the whole rest of the array, so parsing grew with the square of the
 * post. The same tokens in a queue whose `shift()` only advances an index give the same templates. And the
 * tokenizer looks for the next `{%` or `{{` with indexOf instead of testing both at every character.
 */
import { Parser, Tokenizer, type Liquid, type Template, type TopLevelToken } from 'liquidjs';

/** The part of an array liquidjs's parser and block tags use (`length`, `shift()`), each step O(1). */
class TokenQueue {
  private head = 0;
  constructor(private readonly items: Array<TopLevelToken | undefined>) {}

  get length(): number {
    return this.items.length - this.head;
  }

  shift(): TopLevelToken | undefined {
    if (this.head >= this.items.length) return undefined;
    const token = this.items[this.head];
    // Let a parsed token go as soon as its template holds what it needs.
    this.items[this.head++] = undefined;
    return token;
  }
}

type HtmlToken = ReturnType<Tokenizer['readHTMLToken']>;

/** liquidjs's HTMLToken class, which it does not export: taken from a token its tokenizer makes. */
const HtmlTokenClass = new Tokenizer('x').readHTMLToken(['{{']).constructor as new (input: string, begin: number, end: number, file?: string) => HtmlToken;

/** liquidjs's tokenizer with a text run found by indexOf (the same tokens: a run ends at the first stop string). */
class LinearTokenizer extends Tokenizer {
  /** Where each stop string next occurs at or after the last search (-1: nowhere): a text without `{%` is searched once. */
  private readonly nextAt = new Map<string, number>();

  override readHTMLToken(stopStrings: string[]): HtmlToken {
    const begin = this.p;
    let end = this.N;
    for (const stop of stopStrings) {
      let at = this.nextAt.get(stop);
      if (at === undefined || (at !== -1 && at < begin)) {
        at = this.input.indexOf(stop, begin);
        this.nextAt.set(stop, at);
      }
      if (at !== -1 && at < end) end = at;
    }
    this.p = end;
    return new HtmlTokenClass(this.input, begin, end, this.file);
  }
}

/** Parses `text` as `liquid.parse` does (same tokenizer, same limits, same errors), with linear cost. */
export function parseLiquid(liquid: Liquid, text: string): Template[] {
  const parser = new Parser(liquid);
  // liquidjs counts the parsed length against `parseLimit` in Parser.parse, which this replaces.
  (parser as unknown as { parseLimit: { use(count: number): void } }).parseLimit.use(text.length);
  const tokenizer = new LinearTokenizer(text, liquid.options.operators, undefined, undefined, liquid.options.groupedExpressions);
  const tokens = tokenizer.readTopLevelTokens(liquid.options);
  return parser.parseTokens(new TokenQueue(tokens) as unknown as TopLevelToken[]);
}
