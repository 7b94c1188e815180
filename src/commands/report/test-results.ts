import { z } from 'zod';

/** What `report` reads of `alertsmith test --format json`: each detection's verdict and cases. */
const testReportSchema = z.object({
  detections: z.array(
    z.object({
      id: z.string(),
      passed: z.boolean(),
      problems: z.array(z.string()),
      cases: z.array(z.object({ name: z.string(), passed: z.boolean() })),
    }),
  ),
});

/** A detection's test status in the report. `not run`: no `--tests` file, or the file lacks it. */
export type TestStatus = 'passed' | 'failed' | 'no tests' | 'not run';

export interface TestVerdict {
  status: TestStatus;
  /** Cases passed and run; problems (e.g. `--require-tests`) count as failed cases. */
  passed: number;
  total: number;
}

/**
 * Reads the JSON `alertsmith test --format json` wrote into verdicts by detection id. Pure;
 * throws a plain Error saying what is wrong, for the caller to report.
 */
export function parseTestResults(text: string): Map<string, TestVerdict> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`it is not JSON (${(e as Error).message})`);
  }
  const parsed = testReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`it is not the output of \`alertsmith test --format json\` (${issue.path.join('.') || 'the document'}: ${issue.message})`);
  }
  const verdicts = new Map<string, TestVerdict>();
  for (const d of parsed.data.detections) {
    const passed = d.cases.filter((c) => c.passed).length;
    const total = d.cases.length + d.problems.length;
    const status: TestStatus = !d.passed ? 'failed' : d.cases.length === 0 ? 'no tests' : 'passed';
    verdicts.set(d.id, { status, passed, total });
  }
  return verdicts;
}
