import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { KnowledgeFile } from '../../apps/dialogue/src/knowledge/knowledge-file';

// Keeps the demo knowledge honest: every file parses with the import format, cites an official page, and has exactly one
// version in force on the demo day, so an answer can never fall back to an outdated or invented rule.

const KNOWLEDGE_DIR = join(__dirname, '..', '..', 'demo', 'knowledge');
/** The day the demo content was last reviewed; "in force" is judged on it. */
const REVIEW_DAY = '2026-11-26';

/**
 * Government sites the content may cite: the central portal and every site under gov.cn (国务院 gov.cn, 税务总局
 * chinatax.gov.cn, 人社部 mohrss.gov.cn and si.12333.gov.cn, 医保局 nhsa.gov.cn, 市场监管总局 samr.gov.cn and
 * gsxt.gov.cn, 广东 gd.gov.cn and gdzwfw.gov.cn, 广州 gz.gov.cn).
 */
const OFFICIAL_DOMAINS = ['gov.cn'];
const isOfficial = (url: string): boolean => {
  const host = new URL(url).hostname;
  return OFFICIAL_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

interface LoadedFile {
  fileName: string;
  raw: unknown;
}

const loaded: LoadedFile[] = readdirSync(KNOWLEDGE_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((fileName) => ({ fileName, raw: parse(readFileSync(join(KNOWLEDGE_DIR, fileName), 'utf8')) as unknown }));

const parseOrExplain = ({ fileName, raw }: LoadedFile): KnowledgeFile => {
  const result = KnowledgeFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${fileName} does not match the knowledge file format:\n${issues}`);
  }
  return result.data;
};

const isInForce = (version: { effectiveFrom: string; effectiveUntil?: string }, day: string): boolean =>
  version.effectiveFrom <= day && (version.effectiveUntil === undefined || day <= version.effectiveUntil);

const EXPECTED_FILES = [
  'business-license',
  'enterprise-annual-report',
  'flexible-employment-insurance',
  'graduate-business-startup-subsidy',
  'hk-macao-taiwan-residence-permit',
  'iit-special-additional-deductions',
  'key-groups-startup-tax-relief',
  'medical-insurance-reimbursement',
  'minimum-living-allowance-guangzhou',
  'newborn-household-registration',
  'public-rental-housing-guangzhou',
  'residence-permit-and-points',
  'second-hand-house-transfer',
  'social-insurance-query',
  'startup-incubation-free-space',
];

describe('demo knowledge content', () => {
  it('has a file for every topic the demo promises', () => {
    expect(loaded.map(({ fileName }) => basename(fileName, '.yaml'))).toEqual(EXPECTED_FILES);
  });

  describe.each(loaded.map((file) => [file.fileName, file] as const))('%s', (fileName, file) => {
    // Parsed inside each test, so a broken file fails its tests with the schema's issues instead of the whole suite.
    const knowledge = () => parseOrExplain(file);

    it('matches the knowledge file format', () => {
      expect(knowledge().versions.length).toBeGreaterThan(0);
    });

    it('is named after its id', () => {
      expect(knowledge().id).toBe(basename(fileName, '.yaml'));
    });

    it('cites an official government page in every version', () => {
      const unofficial = knowledge()
        .versions.map((version) => version.sourceUrl)
        .filter((url) => !isOfficial(url));
      expect(unofficial).toEqual([]);
    });

    it('has exactly one version in force on the review day', () => {
      const inForce = knowledge().versions.filter((version) => isInForce(version, REVIEW_DAY));
      expect(inForce.map((version) => version.version)).toHaveLength(1);
    });

    it('keeps form and video links on official sites too', () => {
      const parsed = knowledge();
      const links = parsed.kind === 'guide' ? parsed.versions.flatMap((v) => [...v.forms, ...v.videos]) : [];
      expect(links.map((link) => link.url).filter((url) => !isOfficial(url))).toEqual([]);
    });

    it('tells the citizen what to bring and what to do, when it is a guide', () => {
      const parsed = knowledge();
      const versions = parsed.kind === 'guide' ? parsed.versions : [];
      const incomplete = versions.filter((version) => version.materials.length === 0 || version.steps.length === 0);
      expect(incomplete.map((version) => version.version)).toEqual([]);
    });
  });

  it('gives every file its own id', () => {
    const ids = loaded.map((file) => parseOrExplain(file).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('individual income tax special additional deductions', () => {
    const versionOf = (label: string) => {
      const file = loaded.find(({ fileName }) => fileName === 'iit-special-additional-deductions.yaml');
      if (!file) throw new Error('iit-special-additional-deductions.yaml is missing');
      const version = parseOrExplain(file).versions.find((candidate) => candidate.version === label);
      if (!version) throw new Error(`no version ${label}`);
      return version;
    };
    /** The 子女教育 line of the details, where the standard is stated. */
    const childEducationLine = (label: string) =>
      (versionOf(label).details ?? '').split('\n').find((line) => line.includes('子女教育：')) ?? '';

    it('states 1,000 a month per child under the 2019 standard', () => {
      expect(childEducationLine('2019')).toContain('每个子女每月1000元');
      expect(childEducationLine('2019')).not.toContain('2000元');
    });

    it('states 2,000 a month per child under the 2023 standard, and 3,000 for elderly support', () => {
      const details = versionOf('2023').details ?? '';
      expect(childEducationLine('2023')).toContain('每个子女每月2000元');
      expect(details).toContain('独生子女每月3000元');
      expect(versionOf('2023').documentNumber).toBe('国发〔2023〕13号');
    });

    it('puts the 2023 standard in force on the review day', () => {
      expect(isInForce(versionOf('2023'), REVIEW_DAY)).toBe(true);
      expect(isInForce(versionOf('2019'), REVIEW_DAY)).toBe(false);
    });

    it('works the 1.5万 example to 2,400 yuan a year less tax', () => {
      const example = versionOf('2023').examples.find((candidate) => candidate.title.includes('1.5万'));
      expect(example?.text).toContain('9480 − 7080 = 2400元');
    });
  });
});
