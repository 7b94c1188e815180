import { describe, expect, it } from 'vitest';
import { fixtureFindings, lintFixtures, placeOf, placesOf, VALIDATE_FIXTURES } from '../check/fixture-helpers.js';

// The checks build, check and test all run (src/validate/), as check reports them. The
// unknown-field fixtures stay in test/check/fixtures: check's reporter tests read them too.
describe('one-definition-per-file', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'one-definition-per-file');
  const messages = (file: string) =>
    findings().filter((f) => f.ruleId === 'one-definition-per-file' && f.file.endsWith(`/${file}`)).map((f) => f.message);

  it('leaves a file without a default export to the definition-schema error build reports, at the file start', () => {
    expect(messages('no-default.ts')).toEqual([]);
    const schema = findings().filter((f) => f.file.endsWith('/no-default.ts'));
    expect(schema.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '1:1 definition-schema the file has no default export, so there is no definition in it',
    ]);
  });

  it('flags a default export that is not a defineAlert call', () => {
    expect(messages('not-define-alert.ts')).toEqual(['the default export is not a defineAlert({...}) call']);
  });

  it('flags a defineAlert call besides the default export, at that call', () => {
    expect(placesOf(findings(), 'one-definition-per-file')).toContain(placeOf(VALIDATE_FIXTURES + 'one-definition-per-file', 'two-calls.ts', 'defineAlert({'));
    expect(messages('two-calls.ts')).toEqual(['this defineAlert call is not the default export, so build never sees it']);
  });

  it('accepts a definition exported through a const', () => {
    expect(messages('via-const.ts')).toEqual([]);
  });
});

describe('id-matches-file', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'id-matches-file');

  it('points at the id that differs from the file name and says how to fix it', () => {
    expect(placesOf(findings(), 'id-matches-file')).toEqual([placeOf(VALIDATE_FIXTURES + 'id-matches-file', 'wrong-name.ts', "'right-name'")]);
    const finding = findings().find((f) => f.ruleId === 'id-matches-file')!;
    expect(finding.message).toBe('the id "right-name" differs from the file name "wrong-name"');
    expect(finding.fix).toBe("rename the file to right-name.ts or set id: 'wrong-name'");
  });
});

describe('unique-id', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'unique-id');

  it('flags the second definition with an id already used, naming the first', () => {
    expect(placesOf(findings(), 'unique-id')).toEqual([placeOf(VALIDATE_FIXTURES + 'unique-id', 'dup-b.ts', "'dup-a'")]);
    expect(findings().find((f) => f.ruleId === 'unique-id')!.message).toBe('the id "dup-a" is already used by dup-a.ts');
  });
});

describe('lucene-syntax', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'lucene-syntax');

  it('points at the character inside the string where the query stops parsing, past escapes', () => {
    // The source writes \\ and \' where the query has \ and ': the column is the source's.
    expect(placesOf(findings(), 'lucene-syntax')).toContain(placeOf(VALIDATE_FIXTURES + 'lucene-syntax', 'stray-paren.ts', ') x'));
    const stray = findings().find((f) => f.file.endsWith('stray-paren.ts'))!;
    expect(stray.message).toBe('the Lucene query does not parse at ")": a ) that closes no (');
    expect(stray.endColumn).toBe(stray.column + 1);
  });

  it('points at the closing quote when the query ends inside a group', () => {
    expect(placesOf(findings(), 'lucene-syntax')).toContain(placeOf(VALIDATE_FIXTURES + 'lucene-syntax', 'unclosed-group.ts', 'cmd.exe', 1, 'cmd.exe'.length));
  });

  it('refuses what Elasticsearch refuses though the lucene package parses it: an unescaped field pattern', () => {
    const pattern = findings().find((f) => f.file.endsWith('field-pattern.ts') && f.ruleId === 'lucene-syntax')!;
    expect(placesOf([pattern], 'lucene-syntax')).toEqual([placeOf(VALIDATE_FIXTURES + 'lucene-syntax', 'field-pattern.ts', 'user.*', 2)]);
    expect(pattern.message).toBe('the Lucene query does not parse at "u": the field pattern user.* must have its wildcards escaped: user.\\*');
  });

  it('accepts groups, ranges, phrases and _exists_', () => {
    expect(findings().filter((f) => f.file.endsWith('valid-query.ts'))).toEqual([]);
  });
});

describe('unknown-field', () => {
  const findings = fixtureFindings('unknown-field');
  const typos = () => findings().filter((f) => f.ruleId === 'unknown-field');

  it('flags misspelled fields in the query, query_key, labels and placeholders at the exact name', () => {
    expect(placesOf(typos(), 'unknown-field')).toEqual([
      placeOf('unknown-field', 'typos.ts', 'event.outcom'),
      placeOf('unknown-field', 'typos.ts', "'source.ipp'"),
      placeOf('unknown-field', 'typos.ts', "'host.nmae'"),
      placeOf('unknown-field', 'typos.ts', 'user.nmae'),
      placeOf('unknown-field', 'typos.ts', 'spike_count'),
    ]);
  });

  it('suggests the closest known field', () => {
    expect(typos().map((f) => f.message)).toEqual([
      'unknown field "event.outcom" in the query: did you mean "event.outcome"?',
      'unknown field "source.ipp" in query_key: did you mean "source.ip"?',
      'unknown field "host.nmae" in xsoar.labels: did you mean "host.name"?',
      'unknown field "user.nmae" in the placeholder in xsoar.details: did you mean "user.name"?',
      // spike_count exists only for spike rules: this one is a frequency rule.
      'unknown field "spike_count" in the placeholder in xsoar.customFields.sourceuser',
    ]);
  });

  it('knows declared eventFields, the rule type\'s match fields, indexes, rule params, _id and wildcards', () => {
    expect(findings().filter((f) => f.file.endsWith('declared-fields.ts'))).toEqual([]);
  });
});

describe('positive-thresholds (now schema findings, as build reports them)', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'positive-thresholds');

  it('flags a count of 0 at its value, once', () => {
    expect(placesOf(findings(), 'definition-schema')).toEqual([placeOf(VALIDATE_FIXTURES + 'positive-thresholds', 'bad-thresholds.ts', '0,')]);
    expect(findings().map((f) => f.message)).toEqual(['threshold is 0; it must be above 0']);
  });
});

describe('timeframe-required', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'timeframe-required');

  it('flags a zero timeframe at its value, and a missing one as a schema error at the definition', () => {
    expect(placesOf(findings(), 'timeframe-required')).toEqual([placeOf(VALIDATE_FIXTURES + 'timeframe-required', 'zero-timeframe.ts', '{ minutes: 0 }')]);
    const missing = findings().filter((f) => f.file.endsWith('missing-timeframe.ts'));
    expect(missing.map((f) => [f.ruleId, f.message, f.fix])).toEqual([
      ['definition-schema', 'timeframe is missing: type cardinality needs it', "add timeframe, e.g. timeframe: '5m'"],
    ]);
  });
});

describe('attack-metadata (now schema findings)', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'attack-metadata');

  it('flags malformed technique ids and display-name tactics, with the right spelling', () => {
    expect(findings().map((f) => [f.message, f.fix])).toEqual([
      ['attack.tactics[0] is "Credential Access": did you mean "credential-access"?', 'write "credential-access"'],
      ['attack.techniques[0] is "t1110": an ATT&CK technique id looks like T1110 or T1110.001', 'write "T1110"'],
      ['attack.techniques[1] is "T1110.1": an ATT&CK technique id looks like T1110 or T1110.001', undefined],
    ]);
    expect(findings().every((f) => f.file.endsWith('bad-attack.ts'))).toBe(true);
  });
});

describe('no-nondeterminism', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'no-nondeterminism');

  it('flags the clock, randomness and the environment wherever the file reads them', () => {
    expect(placesOf(findings(), 'no-nondeterminism')).toEqual([
      placeOf(VALIDATE_FIXTURES + 'no-nondeterminism', 'clock.ts', 'new Date()'),
      placeOf(VALIDATE_FIXTURES + 'no-nondeterminism', 'clock.ts', 'Date.now'),
      placeOf(VALIDATE_FIXTURES + 'no-nondeterminism', 'clock.ts', 'Math.random'),
      placeOf(VALIDATE_FIXTURES + 'no-nondeterminism', 'clock.ts', "process.env"),
    ]);
  });

  it('accepts a constant date', () => {
    expect(findings().filter((f) => f.file.endsWith('constant-date.ts'))).toEqual([]);
  });
});

describe('no-secrets', () => {
  const findings = fixtureFindings(VALIDATE_FIXTURES + 'no-secrets');

  it('flags credentials in URLs, credential-named properties and key assignments, masking them', () => {
    expect(placesOf(findings(), 'no-secrets')).toEqual([
      placeOf(VALIDATE_FIXTURES + 'no-secrets', 'leaky.ts', 'https://bot'),
      placeOf(VALIDATE_FIXTURES + 'no-secrets', 'leaky.ts', "'AKIA"),
      placeOf(VALIDATE_FIXTURES + 'no-secrets', 'leaky.ts', 'api_key='),
    ]);
    expect(findings().map((f) => f.message).join('\n')).not.toContain('s3cretPassw0rd');
  });

  it('leaves queries for passwords on command lines alone', () => {
    expect(findings().filter((f) => f.file.endsWith('clean-strings.ts'))).toEqual([]);
  });
});

describe('index-pattern', () => {
  it("flags a blank index, a missing one without a config default, and warns about '*' alone", async () => {
    const findings = (await lintFixtures(VALIDATE_FIXTURES + 'index-pattern')).filter((f) => f.ruleId === 'index-pattern');
    expect(findings.map((f) => `${f.file.split('/').pop()} ${f.level} ${f.message}`)).toEqual([
      'blank-index.ts error the index pattern is blank',
      'star-index.ts warning the index pattern "*" searches every index, system indices included: slow, and matches data the detection was not written for',
    ]);
    expect(placesOf(findings, 'index-pattern')[1]).toBe(placeOf(VALIDATE_FIXTURES + 'index-pattern', 'star-index.ts', '*', 2));
  });

  it('reports a missing index as a schema error, as build does', async () => {
    const missing = (await lintFixtures(VALIDATE_FIXTURES + 'index-pattern')).filter((f) => f.file.endsWith('no-index.ts'));
    expect(missing.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'definition-schema no index: neither this definition nor the config defaults name the indices to search',
    ]);
  });

  it('accepts a definition without index when the config has a default', async () => {
    const findings = await lintFixtures(VALIDATE_FIXTURES + 'index-pattern', { defaults: { index: 'logs-*' } });
    expect(findings.filter((f) => f.file.endsWith('no-index.ts'))).toEqual([]);
  });
});

describe('checks build relies on', () => {
  it('cannot be turned off in the config', async () => {
    await expect(lintFixtures('clean', { check: { rules: { 'unique-id': 'off' } } })).rejects.toThrow(
      /check\.rules sets "unique-id", which cannot be changed: build cannot write a definition that fails it/,
    );
  });
});
