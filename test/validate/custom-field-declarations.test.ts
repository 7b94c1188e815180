import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/commands/build/run-build.js';
import { checkProject } from '../../src/check/check-project.js';
import { configSchema } from '../../src/define/schema/config.js';
import { customFieldDeclarations } from '../../src/validate/custom-field-declarations.js';
import { anyDefinition, captureStream, definitionSource, tempProject } from '../commands/build/temp-project.js';

describe('customFieldDeclarations', () => {
  it('reads quoted and plain member names of CustomEventFields augmentations, not comments', () => {
    const text = `declare module 'alertsmith' {
  interface CustomEventFields {
    'winlog.event_data.TargetUserName': 'keyword';
    "app.tenant"?: 'keyword', // a comment: 'not.a.field': 'ip'
    readonly risk_score: 'long';
    /* 'also.not': 'ip' */
  }
}
export {};`;
    expect(customFieldDeclarations(text)).toEqual(['winlog.event_data.TargetUserName', 'app.tenant', 'risk_score']);
  });

  it('reads nothing from a file without the interface', () => {
    expect(customFieldDeclarations("export const CustomEventFieldsNote = 'x';")).toEqual([]);
  });
});

describe('a field declared for every definition', () => {
  it('is known to build and to check alike', async () => {
    const dir = tempProject({
      'definitions/_fields.d.ts': "declare module 'alertsmith' {\n  interface CustomEventFields {\n    'app.tenant': 'keyword';\n  }\n}\nexport {};\n",
      'definitions/tenant.ts': definitionSource(anyDefinition('tenant', { query: 'app.tenant:acme', xsoar: { type: 'T', severity: 'low', labels: ['app.tenant'] } })),
      'definitions/typo.ts': definitionSource(anyDefinition('typo', { query: 'app.tenat:acme' })),
    });
    const stderr = captureStream();
    expect(await runBuild({ cwd: dir, check: true, stdout: captureStream(), stderr })).toBe(1);
    expect(stderr.text()).toContain('unknown field "app.tenat" in the query: did you mean "app.tenant"?');
    expect(stderr.text()).not.toContain('definitions/tenant.ts');
    const { findings } = await checkProject({ cwd: dir, config: configSchema.parse({}), typeCheck: false });
    expect(findings.map((f) => `${f.file.split('/').pop()} ${f.ruleId}`)).toEqual(['typo.ts unknown-field']);
  }, 60_000);
});
