// The `lucene` package (a PEG.js Lucene query parser) ships no types; check reads only these.
declare module 'lucene' {
  const lucene: {
    /** Parses a query; throws a PEG.js SyntaxError with `location.start.offset` on bad input. */
    parse(query: string): unknown;
    term: { unescape(text: string): string };
  };
  export = lucene;
}
