import { GuideVersion, KnowledgeFile, PolicyVersion } from '../../apps/dialogue/src/knowledge/knowledge-file';

/** A policy version with plausible defaults: aPolicyVersion({ summary: '…' }). */
export function aPolicyVersion(overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    version: '2023',
    title: '个人所得税专项附加扣除',
    authority: '国务院',
    documentNumber: '国发〔2023〕13号',
    scope: 'national',
    effectiveFrom: '2023-01-01',
    sourceUrl: 'https://www.gov.cn/zhengce/content/202308/content_6901241.htm',
    summary: '子女教育每个孩子每月可扣除2000元。',
    qa: [],
    examples: [],
    keywords: [],
    ...overrides,
  };
}

export function aGuideVersion(overrides: Partial<GuideVersion> = {}): GuideVersion {
  return {
    ...aPolicyVersion({ title: '营业执照办理', authority: '广州市市场监督管理局', documentNumber: undefined }),
    scope: ['440100'],
    summary: '在网上就能办营业执照。',
    steps: [{ title: '登录广东政务服务网' }, { title: '填写设立登记信息' }],
    materials: [{ name: '身份证', form: '原件' }],
    forms: [],
    videos: [],
    ...overrides,
  };
}

export function aPolicy(id: string, ...versions: PolicyVersion[]): KnowledgeFile {
  return { kind: 'policy', id, versions: versions.length > 0 ? versions : [aPolicyVersion()] };
}

export function aGuide(id: string, ...versions: GuideVersion[]): KnowledgeFile {
  return { kind: 'guide', id, versions: versions.length > 0 ? versions : [aGuideVersion()] };
}

/** Character unigrams and bigrams: enough to test retrieval logic without a segmenter. */
export function characterGrams(text: string): string[] {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  return [...chars, ...chars.slice(1).map((char, index) => chars[index] + char)];
}
