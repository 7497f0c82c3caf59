/** Whether a package is scored by 2025-09's result aggregation, and its test_group.yaml scoring keys checked as the specification requires. */
import type { PackageIssue } from './package-error.js';
import type { ProblemMetadata } from './problem-yaml.js';
import type { GroupConfig, TestData, TestGroup } from './test-data.js';

/** Legacy scoring keys, which 2025-09's result aggregation replaces (not applied under it). */
const LEGACY_SCORING_KEYS: readonly string[] = [
  'accept_score',
  'reject_score',
  'range',
  'grader_flags',
  'grading',
  'on_reject',
];

const setsScoringKey = (config: GroupConfig): boolean =>
  config.maxScore !== undefined || config.scoreAggregation !== undefined || config.requirePass !== undefined;

/** One of `secret`'s test data groups: a folder directly in `data/secret/` with its own test_group.yaml. */
export const isTestDataGroup = (group: TestGroup): boolean =>
  group.configFile !== undefined && /^secret\/[^/]+$/.test(group.name);

export interface ResultAggregationCheck {
  /** 2025-09 (or a 2023-07 draft using its keys): scored by max_score / score_aggregation / require_pass. */
  readonly applies: boolean;
  readonly issues: PackageIssue[];
  readonly unsupported: string[];
}

/** The aggregation `secret` or a group uses, with the specification's defaults. */
export function aggregationOf(group: TestGroup): 'pass-fail' | 'sum' | 'min' {
  return group.config.scoreAggregation ?? (group.name === 'secret' ? 'sum' : 'pass-fail');
}

/** The maximum score `secret` or a group states, with the specification's defaults (100 for secret). */
export function maxScoreOf(group: TestGroup): number | 'unbounded' {
  return group.config.maxScore ?? (group.name === 'secret' ? 100 : 'unbounded');
}

export function checkResultAggregation(
  metadata: ProblemMetadata,
  testData: TestData,
): ResultAggregationCheck {
  const issues: PackageIssue[] = [];
  const unsupported: string[] = [];
  const files: { file: string; name: string; config: GroupConfig; group?: TestGroup }[] = [];
  const visit = (group: TestGroup) => {
    if (group.configFile !== undefined)
      files.push({ file: group.configFile, name: group.name, config: group.config, group });
    for (const item of group.items) if ('items' in item) visit(item);
  };
  if (testData.configFile !== undefined)
    files.push({ file: testData.configFile, name: '', config: testData.config });
  testData.groups.forEach(visit);

  const uses = files.filter(({ config }) => setsScoringKey(config));
  const scoring = metadata.types.includes('scoring');
  const version = metadata.formatVersion;
  if (version === 'legacy') {
    for (const { file, config } of uses) {
      for (const [key, name] of [
        ['maxScore', 'max_score'],
        ['scoreAggregation', 'score_aggregation'],
        ['requirePass', 'require_pass'],
      ] as const)
        if (config[key] !== undefined)
          unsupported.push(`${file}: ${name} (not in the legacy format; not applied)`);
    }
    return { applies: false, issues, unsupported };
  }
  if (!scoring) {
    for (const { file } of uses)
      issues.push({
        file,
        message:
          'max_score, score_aggregation and require_pass are for scoring problems; a pass-fail problem must not set them',
      });
    return { applies: false, issues, unsupported };
  }
  // 2023-07 packages keep the legacy grading unless they use the draft's keys, which 2025-09 finished.
  if (version !== '2025-09' && uses.length === 0) return { applies: false, issues, unsupported };

  for (const { file, name } of uses) {
    if (name === 'sample' || name.startsWith('sample/') || name === '')
      issues.push({
        file,
        message:
          'max_score, score_aggregation and require_pass are allowed only in secret and its test data groups',
      });
  }
  const secret = testData.groups.find((g) => g.name === 'secret');
  for (const { file, config } of files)
    for (const key of config.keys ?? [])
      if (LEGACY_SCORING_KEYS.includes(key))
        unsupported.push(
          `${file}: ${key} (the legacy grading's; 2025-09's result aggregation applies instead)`,
        );
  if (secret === undefined) return { applies: true, issues, unsupported };

  const groups = secret.items.filter((item): item is TestGroup => 'items' in item && isTestDataGroup(item));
  const others = secret.items.filter((item) => !('items' in item) || !isTestDataGroup(item));
  if (groups.length > 0 && others.length > 0)
    issues.push({
      file: secret.configFile ?? 'data/secret',
      message: `holds test data groups and also ${others.map((o) => `data/${o.name}`).join(', ')}; the specification allows only one or the other`,
    });
  for (const { file, name } of files)
    if (/^secret\/[^/]+\//.test(name))
      issues.push({
        file,
        message: 'a test data group inside a test data group (the specification allows none)',
      });

  const secretMax = maxScoreOf(secret);
  const secretAggregation = aggregationOf(secret);
  const secretFile = secret.configFile ?? 'data/secret';
  if (secretAggregation === 'pass-fail' && secretMax === 'unbounded')
    issues.push({ file: secretFile, message: 'pass-fail aggregation needs a bounded max_score' });
  const byName = new Map<string, TestGroup>(groups.map((g) => [g.name, g]));
  for (const group of [secret, ...groups]) {
    const file = group.configFile ?? 'data/secret';
    const aggregation = aggregationOf(group);
    const max = maxScoreOf(group);
    if (group !== secret) {
      if (max === 'unbounded' && secretMax !== 'unbounded')
        issues.push({
          file,
          message: `max_score is unbounded (the default), which only an unbounded secret allows; secret's is ${secretMax}`,
        });
      else if (aggregation === 'pass-fail' && max === 'unbounded')
        issues.push({ file, message: 'pass-fail aggregation needs a bounded max_score' });
      if (secretAggregation === 'pass-fail' && aggregation !== 'pass-fail')
        issues.push({ file, message: 'secret has pass-fail aggregation, so must every test data group' });
    }
    for (const required of group.config.requirePass ?? []) {
      if (required === 'sample') continue;
      const target = byName.get(required);
      if (group === secret)
        issues.push({ file, message: `require_pass: secret may depend on sample only, not ${required}` });
      else if (target === undefined)
        issues.push({
          file,
          message: `require_pass: ${required} is not a test data group (secret/<name>) or sample`,
        });
      else if (!(required < group.name))
        issues.push({ file, message: `require_pass: ${required} does not come before ${group.name}` });
      else if (aggregationOf(target) !== 'pass-fail')
        issues.push({ file, message: `require_pass: ${required} must have pass-fail aggregation` });
    }
  }
  return { applies: true, issues, unsupported };
}
