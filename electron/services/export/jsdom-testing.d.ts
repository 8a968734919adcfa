/**
 * The little of jsdom the export tests use to read an exported file back as a browser would: jsdom ships no types
 * and electron/ compiles without the DOM library, so only what the tests call is declared here.
 */
declare module 'jsdom' {
  /** An attribute of a parsed element. */
  export interface TestAttr {
    readonly name: string;
    readonly value: string;
  }
  /** A parsed element (or document) with the queries the tests use. */
  export interface TestElement {
    readonly localName: string;
    readonly className: string;
    readonly textContent: string | null;
    readonly attributes: Iterable<TestAttr>;
    readonly lastElementChild: TestElement | null;
    getAttribute(name: string): string | null;
    hasAttribute(name: string): boolean;
    querySelector(selector: string): TestElement | null;
    querySelectorAll(selector: string): Iterable<TestElement> & ArrayLike<TestElement>;
  }
  /** A parsed document. */
  export interface TestDocument extends TestElement {
    readonly title: string;
    readonly documentElement: TestElement & { readonly lang: string };
    readonly body: TestElement;
  }
  /** Parses HTML as a browser does (scripting off). */
  export class JSDOM {
    constructor(html: string);
    readonly window: { readonly document: TestDocument };
  }
}
