import { ComplaintCategory } from '@libs/common/contracts/complaint-categories';
import { DomainError } from '@libs/common/errors/domain-error';
import { Open311Document } from './open311-document';

/** One top-level category, as an Open311 service: a stable ASCII code for URLs, what it covers, how people say it. */
export interface Open311Service {
  code: string;
  category: ComplaintCategory;
  description: string;
  keywords: string[];
  group: string;
}

/**
 * The seven top-level categories as Open311 services. Codes are ASCII so a client can put them in a URL
 * (/services/urban-construction.json); names are the categories themselves, as routing knows them.
 */
export const OPEN311_SERVICES: readonly Open311Service[] = [
  {
    code: 'urban-construction',
    category: '城乡建设',
    description: '住房与物业管理、施工扰民、违法建设、市政设施、老旧小区改造等方面的问题',
    keywords: ['施工扰民', '物业', '违法建设', '房屋', '市政设施', '老旧小区', '供水', '燃气'],
    group: '城市建设与管理',
  },
  {
    code: 'transport',
    category: '交通运输',
    description: '公交地铁、出租车和网约车、道路与交通设施、停车等方面的问题',
    keywords: ['公交', '地铁', '出租车', '网约车', '道路', '交通设施', '停车'],
    group: '城市建设与管理',
  },
  {
    code: 'environment',
    category: '环境保护',
    description: '噪声、油烟、废气、污水、扬尘、垃圾处理等环境污染问题',
    keywords: ['噪声', '油烟', '废气', '污水', '扬尘', '异味', '垃圾'],
    group: '城市建设与管理',
  },
  {
    code: 'labour-social-security',
    category: '劳动和社会保障',
    description: '拖欠工资、劳动合同、社会保险、就业创业、退休待遇等方面的问题',
    keywords: ['欠薪', '工资', '劳动合同', '社保', '养老金', '就业', '失业'],
    group: '社会民生',
  },
  {
    code: 'health',
    category: '卫生计生',
    description: '医疗服务、医患纠纷、公共卫生、疫苗接种、生育登记等方面的问题',
    keywords: ['医院', '医疗', '公共卫生', '疫苗', '生育', '计生'],
    group: '社会民生',
  },
  {
    code: 'education-culture-sports',
    category: '教育文体',
    description: '入学与学位、教育收费、校外培训、文化体育设施与活动等方面的问题',
    keywords: ['入学', '学位', '学校', '教育收费', '校外培训', '图书馆', '体育场馆'],
    group: '社会民生',
  },
  {
    code: 'commerce-tourism',
    category: '商贸旅游',
    description: '消费纠纷、商品和服务质量、价格、市场秩序、旅游服务等方面的问题',
    keywords: ['消费纠纷', '退款', '商品质量', '价格', '商家', '旅游', '导游'],
    group: '市场与消费',
  },
];

export class UnknownService extends DomainError {
  constructor(code: string) {
    super('not_found', `没有代码为「${code}」的服务类型，请先查询服务列表（services）`);
  }
}

export function serviceByCode(code: string): Open311Service {
  const service = OPEN311_SERVICES.find((candidate) => candidate.code === code);
  if (!service) throw new UnknownService(code);
  return service;
}

/** The service of a ticket's category; undefined for a category outside the seven (such tickets go to the desk). */
export function serviceOfCategory(category: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((candidate) => candidate.category === category);
}

/** GET Service List. No service asks for extra fields, so metadata is false and every definition is empty. */
export function serviceList(): Open311Document {
  return {
    root: 'services',
    body: OPEN311_SERVICES.map((service) => ({
      service_code: service.code,
      service_name: service.category,
      description: service.description,
      metadata: false,
      type: 'realtime',
      keywords: service.keywords.join(','),
      group: service.group,
    })),
  };
}

/** GET Service Definition. */
export function serviceDefinition(code: string): Open311Document {
  const service = serviceByCode(code);
  return { root: 'service_definition', body: { service_code: service.code, attributes: [] } };
}
