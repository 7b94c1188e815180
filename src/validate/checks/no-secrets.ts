import type { ts as TS } from 'ts-morph';
import { literalValueRange } from '../../check/string-literal-offsets.js';
import type { SourceCheck } from '../source-check.js';

/** Well-known credential formats, found anywhere in a string. */
const SECRET_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { kind: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/ },
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  { kind: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { kind: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i },
  // `password=hunter2hunter2`, `api_key: abc...`: a credential name followed by a literal value
  // (wildcards excluded: `*password=*` is a query for command lines, not a password).
  {
    kind: 'a credential assignment',
    pattern: /\b(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?key|client[_-]?secret|passw(?:or)?d|auth[_-]?token|bearer)\s*[:=]\s*["']?[^\s"'*?,;&]{8,}/i,
  },
];

/** Property names that hold a credential when given a literal string. */
const SECRET_PROPERTY = /(?:passw(?:or)?d|secret|api[_-]?key|apikey|token|credential|private[_-]?key)$/i;
/** The same names as a property key anywhere in a file's text (the cheap test before parsing). */
const SECRET_PROPERTY_IN_TEXT = /(?:passw(?:or)?d|secret|api[_-]?key|apikey|token|credential|private[_-]?key)['"`]?\s*:/i;

/**
 * Everything in a definition reaches the generated rule file, the `command:` argv, the
 * ElastAlert writeback index and `ps`: a credential written there is leaked to all of them.
 */
export const noSecrets: SourceCheck = {
  id: 'no-secrets',
  level: 'error',
  doc: 'No string in a definition file looks like a secret (API key, password, token, private key).',
  // Only files whose text holds a credential-like name or a known secret format are parsed.
  mayReport: (text) => SECRET_PROPERTY_IN_TEXT.test(text) || SECRET_PATTERNS.some(({ pattern }) => pattern.test(text)),
  checkSource({ sf, ts, report }) {
    const fix = 'remove it: credentials belong on the ElastAlert host (e.g. the DEMISTO_API_KEY environment of the runtime), never in a rule';
    const visit = (node: TS.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) checkLiteral(node);
      else ts.forEachChild(node, visit);
    };
    const checkLiteral = (node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): void => {
      const value = node.text;
      const start = node.getStart(sf);
      const parent = node.parent;
      if (ts.isPropertyAssignment(parent) && parent.initializer === node && value.length > 0) {
        const key = parent.name.getText(sf).replace(/^['"`]|['"`]$/g, '');
        if (SECRET_PROPERTY.test(key)) {
          report({ start, end: node.end, message: `"${key}" holds a literal string: a secret in a definition leaks into the rule file and argv`, fix });
          return;
        }
      }
      for (const { kind, pattern } of SECRET_PATTERNS) {
        const m = pattern.exec(value);
        if (!m) continue;
        report({
          ...literalValueRange(start, node.getText(sf), m.index, m.index + m[0].length),
          message: `this looks like ${kind} (${mask(m[0])}): a secret in a definition leaks into the rule file and argv`,
          fix,
        });
        return;
      }
    };
    ts.forEachChild(sf, visit);
  },
};

/** Enough of a secret to find it, not enough to use it. */
function mask(text: string): string {
  return text.length <= 8 ? '****' : `${text.slice(0, 4)}…${'*'.repeat(4)}`;
}
