import { describe, expect, it } from 'vitest';
import { lintFixtures, placeOf, placesOf } from './fixture-helpers.js';

describe('one-definition-per-file', () => {
  const findings = lintFixtures('one-definition-per-file');
  const messages = (file: string) =>
    findings.filter((f) => f.ruleId === 'one-definition-per-file' && f.file.endsWith(`/${file}`)).map((f) => f.message);

  it('flags a file without a default export', () => {
    expect(messages('no-default.ts')).toContain('the file has no default export, so build finds no definition in it');
  });

  it('flags a default export that is not a defineAlert call', () => {
    expect(messages('not-define-alert.ts')).toEqual(['the default export is not a defineAlert({...}) call']);
  });

  it('flags a defineAlert call besides the default export, at that call', () => {
    expect(placesOf(findings, 'one-definition-per-file')).toContain(placeOf('one-definition-per-file', 'two-calls.ts', 'defineAlert({'));
    expect(messages('two-calls.ts')).toEqual(['this defineAlert call is not the default export, so build never sees it']);
  });

  it('accepts a definition exported through a const', () => {
    expect(messages('via-const.ts')).toEqual([]);
  });
});

describe('id-matches-file', () => {
  const findings = lintFixtures('id-matches-file');

  it('points at the id that differs from the file name and says how to fix it', () => {
    expect(placesOf(findings, 'id-matches-file')).toEqual([placeOf('id-matches-file', 'wrong-name.ts', "'right-name'")]);
    const finding = findings.find((f) => f.ruleId === 'id-matches-file')!;
    expect(finding.message).toBe('the id "right-name" differs from the file name "wrong-name"');
    expect(finding.fix).toBe("rename the file to right-name.ts or set id: 'wrong-name'");
  });
});

describe('unique-id', () => {
  const findings = lintFixtures('unique-id');

  it('flags the second definition with an id already used, naming the first', () => {
    expect(placesOf(findings, 'unique-id')).toEqual([placeOf('unique-id', 'dup-b.ts', "'dup-a'")]);
    expect(findings.find((f) => f.ruleId === 'unique-id')!.message).toBe('the id "dup-a" is already used by dup-a.ts:4');
  });
});

describe('lucene-syntax', () => {
  const findings = lintFixtures('lucene-syntax');

  it('points at the character inside the string where the query stops parsing, past escapes', () => {
    // The source writes \\ and \' where the query has \ and ': the column is the source's.
    expect(placesOf(findings, 'lucene-syntax')).toContain(placeOf('lucene-syntax', 'stray-paren.ts', ') x'));
    const stray = findings.find((f) => f.file.endsWith('stray-paren.ts'))!;
    expect(stray.message).toBe('the Lucene query does not parse at ")" (more ")" than "(")');
    expect(stray.endColumn).toBe(stray.column + 1);
  });

  it('points at the closing quote when the query ends inside a group', () => {
    expect(placesOf(findings, 'lucene-syntax')).toContain(placeOf('lucene-syntax', 'unclosed-group.ts', 'cmd.exe', 1, 'cmd.exe'.length));
  });

  it('accepts groups, ranges, phrases and _exists_', () => {
    expect(findings.filter((f) => f.file.endsWith('valid-query.ts'))).toEqual([]);
  });
});

describe('unknown-field', () => {
  const findings = lintFixtures('unknown-field');
  const typos = findings.filter((f) => f.ruleId === 'unknown-field');

  it('flags misspelled fields in the query, query_key, labels and placeholders at the exact name', () => {
    expect(placesOf(typos, 'unknown-field')).toEqual([
      placeOf('unknown-field', 'typos.ts', 'event.outcom'),
      placeOf('unknown-field', 'typos.ts', "'source.ipp'"),
      placeOf('unknown-field', 'typos.ts', "'host.nmae'"),
      placeOf('unknown-field', 'typos.ts', 'user.nmae'),
      placeOf('unknown-field', 'typos.ts', 'spike_count'),
    ]);
  });

  it('suggests the closest known field', () => {
    expect(typos.map((f) => f.message)).toEqual([
      'unknown field "event.outcom" in the query: did you mean "event.outcome"?',
      'unknown field "source.ipp" in query_key: did you mean "source.ip"?',
      'unknown field "host.nmae" in xsoar.labels: did you mean "host.name"?',
      'unknown field "user.nmae" in the placeholder in xsoar.details: did you mean "user.name"?',
      // spike_count exists only for spike rules: this one is a frequency rule.
      'unknown field "spike_count" in the placeholder in xsoar.customFields.sourceuser',
    ]);
  });

  it('knows declared eventFields, the rule type\'s match fields, indexes, rule params, _id and wildcards', () => {
    expect(findings.filter((f) => f.file.endsWith('declared-fields.ts'))).toEqual([]);
  });
});

describe('positive-thresholds', () => {
  const findings = lintFixtures('positive-thresholds');

  it('flags a count of 0 and accepts a positive one', () => {
    expect(placesOf(findings, 'positive-thresholds')).toEqual([placeOf('positive-thresholds', 'bad-thresholds.ts', '0,')]);
    expect(findings.find((f) => f.ruleId === 'positive-thresholds')!.message).toBe('threshold is 0; it must be a whole number above 0');
  });
});

describe('timeframe-required', () => {
  const findings = lintFixtures('timeframe-required');

  it('flags a zero timeframe at its value and a missing one at the type', () => {
    expect(placesOf(findings, 'timeframe-required')).toEqual([
      placeOf('timeframe-required', 'missing-timeframe.ts', "type: 'cardinality'"),
      placeOf('timeframe-required', 'zero-timeframe.ts', '{ minutes: 0 }'),
    ]);
  });
});

describe('realert-flood', () => {
  it('warns about realert 0 without a query_key, not with one', () => {
    const findings = lintFixtures('realert-flood');
    expect(placesOf(findings, 'realert-flood')).toEqual([placeOf('realert-flood', 'flood.ts', "'0m'")]);
    expect(findings.find((f) => f.ruleId === 'realert-flood')!.level).toBe('warning');
  });

  it('warns about a realert of 0 that comes from the config defaults', () => {
    const findings = lintFixtures('realert-flood', { defaults: { realert: '0s' } });
    const fromConfig = findings.filter((f) => f.ruleId === 'realert-flood' && f.file.endsWith('default-realert.ts'));
    expect(fromConfig.map((f) => f.message)).toEqual([
      'realert is 0 (from the config defaults) and there is no query_key: every matching document opens its own incident',
    ]);
  });
});

describe('frequency-single-event', () => {
  it("suggests type 'any' for num_events: 1", () => {
    const findings = lintFixtures('frequency-single-event');
    expect(placesOf(findings, 'frequency-single-event')).toEqual([placeOf('frequency-single-event', 'one-event.ts', '1,')]);
  });
});

describe('ecs-array-field', () => {
  const findings = lintFixtures('ecs-array-field').filter((f) => f.ruleId === 'ecs-array-field');

  it('is an error on a blacklist/whitelist compare_key that ECS marks as an array, since ElastAlert disables the rule', () => {
    const errors = findings.filter((f) => f.level === 'error');
    expect(errors.map((f) => f.message)).toEqual([
      "compare_key event.category holds an array in ECS: ElastAlert's blacklist looks the whole value up in a set, raises TypeError and disables the rule",
    ]);
    expect(placesOf(errors, 'ecs-array-field')).toEqual([placeOf('ecs-array-field', 'category-blacklist.ts', "'event.category'")]);
  });

  it('warns on a query_key or new_term field that holds arrays, and says nothing of single-valued fields', () => {
    const warnings = findings.filter((f) => f.level === 'warning');
    expect(warnings.map((f) => `${f.file.split('/').pop()}: ${f.message.split(':')[0]}`)).toEqual([
      'category-blacklist.ts: query_key related.ip holds an array in ECS',
      'new-tags.ts: tags holds an array in ECS',
    ]);
    expect(findings.filter((f) => f.file.endsWith('user-whitelist.ts'))).toEqual([]);
  });
});

describe('attack-metadata', () => {
  const findings = lintFixtures('attack-metadata').filter((f) => f.ruleId === 'attack-metadata');

  it('flags malformed technique ids and display-name tactics, with the right spelling', () => {
    expect(findings.map((f) => [f.message, f.fix])).toEqual([
      ['"Credential Access" is not an ATT&CK tactic: did you mean "credential-access"?', 'write "credential-access"'],
      ['"t1110" is not an ATT&CK technique id (T1234 or T1234.001)', 'write "T1110"'],
      ['"T1110.1" is not an ATT&CK technique id (T1234 or T1234.001)', 'write the id as shown on attack.mitre.org, e.g. T1110.001'],
    ]);
    expect(findings.every((f) => f.file.endsWith('bad-attack.ts'))).toBe(true);
  });
});

describe('no-nondeterminism', () => {
  const findings = lintFixtures('no-nondeterminism');

  it('flags the clock, randomness and the environment wherever the file reads them', () => {
    expect(placesOf(findings, 'no-nondeterminism')).toEqual([
      placeOf('no-nondeterminism', 'clock.ts', 'new Date()'),
      placeOf('no-nondeterminism', 'clock.ts', 'Date.now'),
      placeOf('no-nondeterminism', 'clock.ts', 'Math.random'),
      placeOf('no-nondeterminism', 'clock.ts', "process.env"),
    ]);
  });

  it('accepts a constant date', () => {
    expect(findings.filter((f) => f.file.endsWith('constant-date.ts'))).toEqual([]);
  });
});

describe('no-secrets', () => {
  const findings = lintFixtures('no-secrets');

  it('flags credentials in URLs, credential-named properties and key assignments, masking them', () => {
    expect(placesOf(findings, 'no-secrets')).toEqual([
      placeOf('no-secrets', 'leaky.ts', 'https://bot'),
      placeOf('no-secrets', 'leaky.ts', "'AKIA"),
      placeOf('no-secrets', 'leaky.ts', 'api_key='),
    ]);
    expect(findings.map((f) => f.message).join('\n')).not.toContain('s3cretPassw0rd');
  });

  it('leaves queries for passwords on command lines alone', () => {
    expect(findings.filter((f) => f.file.endsWith('clean-strings.ts'))).toEqual([]);
  });
});

describe('index-pattern', () => {
  it("flags a blank index, a missing one without a config default, and warns about '*' alone", () => {
    const findings = lintFixtures('index-pattern').filter((f) => f.ruleId === 'index-pattern');
    expect(findings.map((f) => `${f.file.split('/').pop()} ${f.level} ${f.message}`)).toEqual([
      'blank-index.ts error the index pattern is empty',
      'no-index.ts error no index: neither this definition nor the config defaults name the indices to search',
      'star-index.ts warning the index pattern "*" searches every index, system indices included: slow, and matches data the detection was not written for',
    ]);
    expect(placesOf(findings, 'index-pattern')[2]).toBe(placeOf('index-pattern', 'star-index.ts', '*', 2));
  });

  it('accepts a definition without index when the config has a default', () => {
    const findings = lintFixtures('index-pattern', { defaults: { index: 'logs-*' } });
    expect(findings.filter((f) => f.file.endsWith('no-index.ts'))).toEqual([]);
  });
});

describe('rule levels from the config', () => {
  it('turns a rule off for every definition', () => {
    const findings = lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'off' } } });
    expect(placesOf(findings, 'realert-flood')).toEqual([]);
  });

  it('raises a warning rule to an error', () => {
    const findings = lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'error' } } });
    expect(findings.filter((f) => f.ruleId === 'realert-flood').map((f) => f.level)).toEqual(['error']);
  });

  it('refuses an unknown rule id with a suggestion', () => {
    expect(() => lintFixtures('realert-flood', { check: { rules: { 'realert-flod': 'off' } } })).toThrow(
      /check\.rules names "realert-flod", which is not a rule: did you mean "realert-flood"\?/,
    );
  });
});

describe('a clean definition', () => {
  it('has no findings', () => {
    expect(lintFixtures('clean')).toEqual([]);
  });
});
