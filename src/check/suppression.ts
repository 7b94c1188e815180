import { ts } from './ts-morph.cjs';

/** The comment directives, e.g. `// alertsmith-disable-next-line realert-flood`. */
const DIRECTIVE = /alertsmith-(disable-next-line|disable)\b([^\n*]*)/g;

/** Where a comment turns rules off: a range of the file, for some rules or (empty list) all. */
interface SuppressedRange {
  start: number;
  end: number;
  ruleIds: ReadonlySet<string>;
}

/**
 * The lint rules a file's comments turn off, and where:
 * - `alertsmith-disable rule-a, rule-b` (line or block comment): the whole file, which is
 *   the whole definition;
 * - `alertsmith-disable-next-line rule-a`: the construct that starts after the comment, e.g.
 *   the whole `export default defineAlert(...)` or one `query: '...'` property.
 * Without rule ids a directive turns off every lint rule. TypeScript errors are not lint:
 * `// @ts-expect-error` is their switch.
 */
/** A rule id as written in a directive, and where (offsets in the file). */
export interface NamedRuleId {
  ruleId: string;
  start: number;
  end: number;
}

export class Suppressions {
  private constructor(
    private readonly ranges: readonly SuppressedRange[],
    private readonly named: readonly NamedRuleId[],
  ) {}

  /** Reads the directives of a parsed file (the compiler's node: `build` parses without ts-morph). */
  static of(file: ts.SourceFile): Suppressions {
    const text = file.getFullText();
    if (!text.includes('alertsmith-disable')) return new Suppressions([], []);
    const ranges: SuppressedRange[] = [];
    const named: NamedRuleId[] = [];
    for (const comment of commentsOf(file)) {
      const commentText = text.slice(comment.pos, comment.end);
      for (const m of commentText.matchAll(DIRECTIVE)) {
        // Text after `--` is the author's reason, not rule ids.
        const ids = m[2]!.split('--')[0]!;
        const idsAt = comment.pos + m.index + m[0].length - m[2]!.length;
        for (const id of ids.matchAll(/[a-z0-9-]+/g)) named.push({ ruleId: id[0], start: idsAt + id.index, end: idsAt + id.index + id[0].length });
        const ruleIds = new Set(ids.split(/[\s,]+/).filter((id) => /^[a-z0-9-]+$/.test(id)));
        if (m[1] === 'disable') {
          ranges.push({ start: 0, end: text.length, ruleIds });
        } else {
          const next = nextConstruct(file, comment.end);
          if (next) ranges.push({ start: next.getStart(file), end: next.end, ruleIds });
        }
      }
    }
    return new Suppressions(ranges, named);
  }

  /** True when a finding of `ruleId` starting at `offset` is turned off. */
  has(ruleId: string, offset: number): boolean {
    return this.ranges.some((r) => offset >= r.start && offset < r.end && (r.ruleIds.size === 0 || r.ruleIds.has(ruleId)));
  }

  /** Rule ids the directives name that are not among `known`: such a directive turns nothing off. */
  unknownRuleIds(known: ReadonlySet<string>): NamedRuleId[] {
    return this.named.filter((n) => !known.has(n.ruleId));
  }
}

/** Every comment of a file, each once. */
function commentsOf(file: ts.SourceFile): ts.CommentRange[] {
  const text = file.getFullText();
  const seen = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) seen.set(r.pos, r);
  };
  const visit = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

/** The outermost node that starts at the first token after `offset`. */
function nextConstruct(file: ts.SourceFile, offset: number): ts.Node | undefined {
  let best: { node: ts.Node; start: number } | undefined;
  const visit = (node: ts.Node) => {
    if (node.end <= offset) return;
    const start = node.getStart(file);
    if (start >= offset) {
      if (!best || start < best.start || (start === best.start && node.end > best.node.end)) best = { node, start };
      return; // children start at or after their parent
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return best?.node;
}
