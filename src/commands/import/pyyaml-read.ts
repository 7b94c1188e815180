import { isMap, isScalar, parseAllDocuments, parseDocument, Schema, type ScalarTag, type Tags } from 'yaml';

/**
 * A YAML 1.1 `!!timestamp` as PyYAML reads it: a Python `date` or `datetime`, which no
 * TypeScript definition option holds. Kept as its text so the importer can name it.
 */
export class PythonTimestamp {
  constructor(
    readonly text: string,
    readonly kind: 'date' | 'datetime',
  ) {}
}

/** A file PyYAML would refuse, with its reason. */
export class YamlReadError extends Error {
  override readonly name = 'YamlReadError';
}

// PyYAML's implicit resolvers (yaml/resolver.py, written with re.X), copied as patterns: these,
// not the YAML 1.1 spec, decide what ElastAlert reads. The `yaml` package's own 1.1 schema
// differs on `y`/`n` (strings in PyYAML), `08` (a string), `1e3` and `1.0e5` (strings: PyYAML
// wants a dot and a signed exponent).
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const VALUE = /^=$/;

/** Base-60 digits, most significant first (`1:30` is 90). */
function sexagesimal(parts: number[]): number {
  return parts.reduce((total, digit) => total * 60 + digit, 0);
}

/** PyYAML's construct_yaml_int. */
function pythonInt(source: string): number {
  let text = source.replace(/_/g, '');
  const sign = text.startsWith('-') ? -1 : 1;
  if (text[0] === '-' || text[0] === '+') text = text.slice(1);
  if (text === '0') return 0;
  let value: number;
  if (text.startsWith('0b')) value = parseInt(text.slice(2), 2);
  else if (text.startsWith('0x')) value = parseInt(text.slice(2), 16);
  else if (text.startsWith('0')) value = parseInt(text, 8);
  else if (text.includes(':')) value = sexagesimal(text.split(':').map((p) => parseInt(p, 10)));
  else value = parseInt(text, 10);
  if (Number.isNaN(value)) throw new YamlReadError(`invalid literal for int(): ${JSON.stringify(source)}`);
  return sign * value;
}

/** PyYAML's construct_yaml_float. */
function pythonFloat(source: string): number {
  let text = source.replace(/_/g, '').toLowerCase();
  const sign = text.startsWith('-') ? -1 : 1;
  if (text[0] === '-' || text[0] === '+') text = text.slice(1);
  if (text === '.inf') return sign * Infinity;
  if (text === '.nan') return NaN;
  if (text.includes(':')) return sign * sexagesimal(text.split(':').map(Number));
  return sign * Number(text);
}

const PYYAML_SCALARS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: NULL, resolve: () => null, identify: (v) => v === null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: BOOL, resolve: (s) => TRUE.test(s), identify: (v) => typeof v === 'boolean' },
  { tag: 'tag:yaml.org,2002:int', default: true, test: INT, resolve: pythonInt, identify: (v) => Number.isInteger(v) },
  { tag: 'tag:yaml.org,2002:float', default: true, test: FLOAT, resolve: pythonFloat, identify: (v) => typeof v === 'number' },
  {
    tag: 'tag:yaml.org,2002:timestamp',
    default: true,
    test: TIMESTAMP,
    resolve: (s) => new PythonTimestamp(s, s.length === 10 ? 'date' : 'datetime'),
    identify: (v) => v instanceof PythonTimestamp,
  },
  {
    tag: 'tag:yaml.org,2002:value',
    default: true,
    test: VALUE,
    resolve: () => {
      throw new YamlReadError("could not determine a constructor for the tag 'tag:yaml.org,2002:value' (a plain =)");
    },
  },
];

const REPLACED = new Set(PYYAML_SCALARS.map((t) => t.tag));

/** The `yaml` package's YAML 1.1 tags with its implicit scalars replaced by PyYAML's. */
function pyyamlTags(tags: Tags): Tags {
  return [...PYYAML_SCALARS, ...tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag))];
}

let pyyamlSchema: Schema | undefined;

function readOptions() {
  // Built once: a schema per document was a third of the time of reading a small rule.
  pyyamlSchema ??= new Schema({ schema: 'yaml-1.1', customTags: pyyamlTags, merge: true, resolveKnownTags: true });
  return { version: '1.1', schema: pyyamlSchema, uniqueKeys: false, merge: true, prettyErrors: false, strict: false } as const;
}

/** Every document of a YAML stream (`yaml.safe_load_all`), as `readPyYaml` reads one. Throws YamlReadError. */
export function readPyYamlDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text, readOptions());
  if (!Array.isArray(docs)) return [];
  const error = docs.flatMap((d) => d.errors)[0];
  if (error) throw new YamlReadError(error.message.split('\n')[0]!);
  return docs.map((d) => d.toJS({ maxAliasCount: 10_000 }));
}

/** What PyYAML's safe loader makes of a rule file, and what a reader should know about it. */
export interface PyYamlRead {
  value: unknown;
  /** Top-level keys written more than once: PyYAML keeps the last, silently. */
  repeatedKeys: string[];
}

/**
 * Reads YAML text as ElastAlert does: PyYAML's safe loader (YAML 1.1, its own implicit types),
 * the last of repeated keys winning, `<<` merge keys. Only the first document is read, as
 * `yaml.load` would refuse a stream of several. Throws YamlReadError for what PyYAML refuses.
 */
export function readPyYaml(text: string): PyYamlRead {
  const doc = parseDocument(text, readOptions());
  const error = doc.errors[0];
  if (error) throw new YamlReadError(error.message.split('\n')[0]!);
  const repeatedKeys: string[] = [];
  if (isMap(doc.contents)) {
    const seen = new Set<string>();
    for (const item of doc.contents.items) {
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      if (seen.has(key) && !repeatedKeys.includes(key)) repeatedKeys.push(key);
      seen.add(key);
    }
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10_000 });
  } catch (thrown) {
    if (thrown instanceof YamlReadError) throw thrown;
    throw new YamlReadError(thrown instanceof Error ? thrown.message : String(thrown));
  }
  return { value, repeatedKeys };
}
