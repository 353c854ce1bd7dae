import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { regionContains } from '@libs/common/regions/region-code';
import { Bundle, Bundles } from '../../apps/dialogue/src/bundles/bundle';
import { KnowledgeFile } from '../../apps/dialogue/src/knowledge/knowledge-file';

// Keeps the demo bundles honest: every bundle parses, and every step points at a knowledge item that a citizen in
// Guangzhou can actually be answered from on the demo day, so a bundle never promises an item that is missing,
// outdated or for another region.

const DEMO_DIR = join(__dirname, '..', '..', 'demo');
const BUNDLES_DIR = join(DEMO_DIR, 'bundles');
const KNOWLEDGE_DIR = join(DEMO_DIR, 'knowledge');
/** The day the demo content was last reviewed (as in knowledge-content.test.ts). */
const REVIEW_DAY = '2026-11-26';
/** 广州市天河区: the district the demo answers for. */
const DEMO_DISTRICT = '440106';

const bundleFiles = readdirSync(BUNDLES_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((fileName) => ({ fileName, raw: parse(readFileSync(join(BUNDLES_DIR, fileName), 'utf8')) as unknown }));

const parseBundle = (fileName: string, raw: unknown): Bundle => {
  const result = Bundle.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${fileName} does not match the bundle format:\n${issues}`);
  }
  return result.data;
};

const knowledgeItem = (itemId: string): KnowledgeFile => {
  const path = join(KNOWLEDGE_DIR, `${itemId}.yaml`);
  if (!existsSync(path)) throw new Error(`no knowledge file demo/knowledge/${itemId}.yaml`);
  return KnowledgeFile.parse(parse(readFileSync(path, 'utf8')));
};

type Version = KnowledgeFile['versions'][number];

const isInForce = (version: Version, day: string): boolean =>
  version.effectiveFrom <= day && (version.effectiveUntil === undefined || day <= version.effectiveUntil);

const appliesTo = (version: Version, regionCode: string): boolean =>
  version.scope === 'national' || version.scope.some((code) => regionContains(code, regionCode));

const versionFor = (itemId: string, day: string, regionCode: string): Version | undefined =>
  knowledgeItem(itemId).versions.find((version) => isInForce(version, day) && appliesTo(version, regionCode));

describe('demo bundles', () => {
  it('has at least one bundle', () => {
    expect(bundleFiles.length).toBeGreaterThan(0);
  });

  describe.each(bundleFiles.map((file) => [file.fileName, file] as const))('%s', (fileName, file) => {
    const bundle = () => parseBundle(fileName, file.raw);

    it('matches the bundle format and is named after its id', () => {
      expect(bundle().id).toBe(basename(fileName, '.yaml'));
    });

    it('names each knowledge item once', () => {
      const ids = bundle().steps.map((step) => step.knowledgeItemId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('points every step at a knowledge item in force in Guangzhou on the review day', () => {
      const unanswerable = bundle()
        .steps.map((step) => step.knowledgeItemId)
        .filter((itemId) => versionFor(itemId, REVIEW_DAY, DEMO_DISTRICT) === undefined);
      expect(unanswerable).toEqual([]);
    });
  });
});

describe('the fresh graduate starting a business', () => {
  const bundles = Bundles.load(BUNDLES_DIR);
  const question = '我今年刚毕业，想在天河开个店';
  const graduateBundle = () => {
    const found = bundles.for(['freshGraduate'], question);
    if (!found) throw new Error('no bundle for a fresh graduate starting a business');
    return found;
  };

  it('is offered to a fresh graduate who asks about opening a shop, and not to a retiree', () => {
    expect(graduateBundle().id).toBe('graduate-entrepreneurship');
    expect(bundles.for(['retiree'], question)).toBeUndefined();
  });

  it('is not offered to a fresh graduate asking about something else', () => {
    expect(bundles.for(['freshGraduate'], '应届毕业生怎么查社保缴费记录')).toBeUndefined();
  });

  it('leads to free space, the tax relief and the start-up subsidy, space first and subsidy last', () => {
    const ids = graduateBundle().steps.map((step) => step.knowledgeItemId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'startup-incubation-free-space',
        'key-groups-startup-tax-relief',
        'graduate-business-startup-subsidy',
      ]),
    );
    expect(ids[0]).toBe('startup-incubation-free-space');
    expect(ids[ids.length - 1]).toBe('graduate-business-startup-subsidy');
  });

  it('tells the graduate the tax relief needs the 就业创业证 within the year of graduation', () => {
    const step = graduateBundle().steps.find(
      (candidate) => candidate.knowledgeItemId === 'key-groups-startup-tax-relief',
    );
    expect(step?.deadline).toContain('毕业当年12月31日前');
    expect(step?.deadline).toContain('2027年12月31日');
  });
});

describe('key groups start-up tax relief', () => {
  const inForce = () => {
    const version = versionFor('key-groups-startup-tax-relief', REVIEW_DAY, DEMO_DISTRICT);
    if (!version) throw new Error('no version in force on the review day');
    return version;
  };

  it('cites 2023年第15号 for the whole country, in force until the end of 2027', () => {
    expect(inForce().documentNumber).toContain('2023年第15号');
    expect(inForce().scope).toBe('national');
    expect(inForce().effectiveUntil).toBe('2027-12-31');
    expect(versionFor('key-groups-startup-tax-relief', '2028-01-01', DEMO_DISTRICT)).toBeUndefined();
  });

  it('states the cap of 20,000 yuan per household a year for 3 years, raised by at most 20 %', () => {
    const details = inForce().details ?? '';
    expect(details).toContain('在3年（36个月）内，按每户每年20000元为限额');
    expect(details).toContain('限额标准最高可上浮20%');
    expect(inForce().summary).toContain('每年最多可以少缴20000元');
  });

  it('works the example through the cap: 20,000 deducted, 2,080 yuan of income tax left to pay', () => {
    const example = inForce().examples.find((candidate) => candidate.title.includes('一年的税费怎么扣'));
    expect(example?.text).toContain('合计22080元');
    expect(example?.text).toContain('12000 − 9920 = 2080元');
  });
});
