import { describe, expect, it } from 'vitest';
import { readIncidentCommand } from '../../../src/commands/import/incident-command.js';
import { compile } from '../../../src/testing.js';
import sshBruteForce from '../../../definitions/ssh-brute-force.js';

describe('readIncidentCommand', () => {
  it('reads back the xsoar block from a command alertsmith built', () => {
    const rule = compile(sshBruteForce);
    const read = readIncidentCommand(rule.command);
    expect(read.dialect).toBe('alertsmith');
    expect(read.notes).toEqual([]);
    expect(read.xsoar).toEqual(sshBruteForce.xsoar);
  });

  it('reads the classic glue flags, as separate or joined arguments', () => {
    const read = readIncidentCommand([
      '/usr/bin/python3', '/opt/glue/createincident.py',
      '--name', 'Brute force from %(source.ip)s',
      '--type=Brute Force',
      '--details', '{match[num_hits]} failures',
      '--labels', 'host.name, rule.id,host.name',
      '--severity', '4',
      '--sourceip', '%(source.ip)s',
      '--custom-field', 'Scan IP=%(destination.ip)s',
    ]);
    expect(read).toEqual({
      dialect: 'glue',
      notes: [],
      xsoar: {
        name: 'Brute force from {{source.ip}}',
        type: 'Brute Force',
        details: '{{num_hits}} failures',
        labels: ['host.name', 'rule.id'],
        severity: 'critical',
        customFields: { sourceip: '{{source.ip}}', scanip: '{{destination.ip}}' },
      },
    });
  });

  it('says what is missing from a glue command without --severity', () => {
    const read = readIncidentCommand(['python3', 'glue.py', '--type', 'Malware', '--severity', 'urgent']);
    expect(read.xsoar).toEqual({ type: 'Malware' });
    expect(read.notes.map((n) => n.message)).toEqual([
      '--severity "urgent" is not an XSOAR severity: set xsoar.severity',
      'the command passes no --severity: complete xsoar.severity (check reports it until then)',
    ]);
  });

  it('leaves a command that is neither alone, and refuses a shell command line', () => {
    expect(readIncidentCommand(['/usr/local/bin/notify', '%(host.name)s'])).toEqual({ dialect: undefined, xsoar: undefined, notes: [] });
    expect(readIncidentCommand('notify --name x').notes).toHaveLength(1);
  });
});
