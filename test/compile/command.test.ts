import { describe, expect, it } from 'vitest';
import { commandArguments, commandOf } from '../../src/compile/command.js';
import { configSchema } from '../../src/define/schema/config.js';
import { EVERY_RULE_TYPE, testConfig, validated } from './fixtures.js';

describe('commandArguments', () => {
  it('names the setting each argument comes from, for messages at file:line:col', () => {
    const config = configSchema.parse({ runtime: { node: '/usr/bin/node', script: '/opt/a.mjs', args: ['--config=/etc/a.json', '-q'] } });
    const def = validated(
      {
        ...EVERY_RULE_TYPE.any!,
        timestamp_field: 'event.created',
        xsoar: {
          type: 'T', severity: 'low', name: 'N {{user.name}}', details: 'D', labels: ['host.name'], owner: 'admin',
          customFields: { srcip: '{{source.ip}}' }, playbookId: 'pb', createInvestigation: true, incidentPer: 'alert',
        },
        eventFields: { 'user.name': 'keyword', 'source.ip': 'ip' },
      },
      config,
    );
    expect(commandArguments(def, config.runtime).map((a) => [a.text, a.field])).toEqual([
      ['/usr/bin/node', 'runtime.node (alertsmith.config.ts)'],
      ['/opt/a.mjs', 'runtime.script (alertsmith.config.ts)'],
      ['--config=/etc/a.json', 'runtime.args[0] (alertsmith.config.ts)'],
      ['-q', 'runtime.args[1] (alertsmith.config.ts)'],
      ['--rule=any', 'id'],
      ['--name=N {{user.name}}', 'xsoar.name'],
      ['--type=T', 'xsoar.type'],
      ['--severity=1', 'xsoar.severity'],
      ['--details=D', 'xsoar.details'],
      ['--labels=host.name', 'xsoar.labels'],
      ['--custom-field=srcip={{source.ip}}', 'xsoar.customFields.srcip'],
      ['--playbook=pb', 'xsoar.playbookId'],
      ['--owner=admin', 'xsoar.owner'],
      ['--create-investigation', 'xsoar.createInvestigation'],
      ['--timestamp-field=event.created', 'timestamp_field'],
      ['--incident-per=alert', 'xsoar.incidentPer'],
    ]);
  });

  it('attributes the incident name and details to name and description when xsoar does not set them', () => {
    const def = validated(EVERY_RULE_TYPE.any!);
    const fields = Object.fromEntries(commandArguments(def, testConfig.runtime).map((a) => [a.text.split('=', 1)[0], a.field]));
    expect(fields['--name']).toBe('name');
    expect(fields['--details']).toBe('description');
  });

  it('escapes each argument for ElastAlert’s two formatting passes in the command list', () => {
    const def = validated({ ...EVERY_RULE_TYPE.any!, name: '100% {x}' });
    expect(commandOf(def, testConfig.runtime)).toContain('--name=100%% {{x}}');
  });
});
