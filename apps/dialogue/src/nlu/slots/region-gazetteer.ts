import { regionContains, regionLevel } from '@libs/common/regions/region-code';
import { REGION_ROWS } from './region-gazetteer.data';
import type { RegionLevelName, RegionRef } from './slots';

/** One administrative division of the table, with the names a citizen may call it by. */
export interface RegionEntry extends RegionRef {
  /** 天河 for 天河区, 广西 for 广西壮族自治区, 连山 for 连山壮族瑶族自治县; undefined when too short to be safe. */
  shortName?: string;
}

/** A place name found in a text, with every division it may name. */
export interface RegionMention {
  start: number;
  end: number;
  surface: string;
  candidates: RegionEntry[];
  /**
   * An everyday word that is also a place (光明, 城区, 和平): it counts only right after a place containing one of its
   * candidates (深圳光明区 is spelled out; 汕尾城区, 河源和平 are not).
   */
  isEverydayWord: boolean;
}

const LEVEL_NAME: Record<1 | 2 | 3, RegionLevelName> = { 1: 'province', 2: 'city', 3: 'district' };

// Peoples named in autonomous areas' names (连山壮族瑶族自治县); a one-character name only with 族, so 长白 keeps 白.
const ETHNIC_GROUP =
  /(?:(?:维吾尔|柯尔克孜|乌孜别克|俄罗斯|鄂温克|鄂伦春|塔吉克|塔塔尔|哈萨克|蒙古|土家|布依|朝鲜|哈尼|傈僳|拉祜|东乡|纳西|景颇|达斡尔|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|高山)族?|(?:回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京)族)$/;
const AUTONOMOUS_SUFFIX = /(?:自治区|自治州|自治县|自治旗)$/;
const DIVISION_SUFFIX = /(?:特别行政区|省|市|地区|盟|新区|林区|特区|区|县|旗)$/;

/**
 * Short names that are also everyday words (和平, 光明, 新兴, 城中, 长安…) and two-character full names that are
 * generic (城区, 郊区, 矿区) or start with a function word (和县, 应县). Chosen by hand from the short names that
 * the jieba dictionary lists as frequent non-place words; the full names 和平县, 光明区 still match on their own.
 */
const EVERYDAY_WORDS = new Set(
  (
    '资源 合作 和平 武功 比如 南部 解放 东方 前进 港口 公安 友好 通道 共和 城中 城东 城西 城南 城北 城区 郊区 矿区 东区 西区 ' +
    '友谊 平安 中方 凤凰 安定 延长 光明 新兴 运河 万年 东风 红旗 光泽 南岸 会同 工农 大名 富裕 清水 高明 前锋 复兴 长子 ' +
    '宏伟 平定 芙蓉 洞口 阿里 太和 温泉 石门 向阳 振兴 三元 大方 互助 新华 威信 莲花 平和 名山 黄龙 石柱 桃源 建华 白银 ' +
    '三门 大观 建安 永和 二七 台前 金山 方城 石棉 丰满 永福 永新 双桥 月湖 九龙 二道 同心 宝塔 元宝 平房 万安 太白 白玉 ' +
    '灯塔 木兰 天涯 七星 海棠 博爱 同仁 回民 钟楼 盘龙 马尾 方正 黑水 安居 龙凤 大通 白杨 麒麟 新民 钟山 富民 清流 水城 ' +
    '文成 玉龙 爱民 惠民 新星 和顺 上高 天心 金沙 白沙 天元 泰和 玉泉 天柱 兴业 仁寿 大安 金牛 三台 白塔 古塔 石台 和硕 ' +
    '石鼓 长安 平原 江南 中原 古城 河口 商城 太平 新建 新城 东海 南湖 东湖 江山 甘泉 南岳 西夏 兴国 恒山 老城 铁东 铁西 ' +
    '小店 新市 天台 江岸 湖里 高台 大厂 长寿 安宁 清新 高要 华容 石龙 文峰 定远 海北 玉环 磐石 万全 龙口 安达 海盐 东胜 ' +
    '日照 安康 山南 海城市 白城市 项城市 市中 城关 城厢 河东 河西 桥东 桥西 路南 路北 和县 应县 代县 成县 文县 吉县 景县 礼县 老城区 新城区 城中区'
  ).split(' '),
);

/**
 * After a short name, these make it part of another name: 北京路, 中山大学, 广州南站, 天河公园, 白云机场, 广州话.
 * A full name (广州市, 天河区) is never dropped this way.
 */
const PART_OF_ANOTHER_NAME =
  /^(?:[东西南北中]{0,2}(?:路|街|大道|大街|巷|站|桥|大桥)|大学|学院|医院|医科|公园|广场|中学|小学|纪念|装|塔|城(?![区市])|村|港|湾|机场|银行|日报|话|大厦|酒家|酒店|宾馆|商场|花园|小区|动物园|体育|图书馆|博物馆|地铁)/;

// A short name that makes a word with the characters around it: 长沙发 (a long sofa), 大连衣裙, 医保定点, 蓝天白云,
// 臭气熏天河面, 兰州拉面. Seen in citizens' messages; the list grows with what the data shows.
const ACROSS_A_WORD: ReadonlyMap<string, { before?: RegExp; after?: RegExp }> = new Map([
  ['长沙', { after: /^发/ }],
  ['大连', { after: /^衣/ }],
  ['上海', { after: /^鲜/ }],
  ['江门', { after: /^口/ }],
  ['佛山', { after: /^水/ }],
  ['中山', { after: /^水/ }],
  ['南昌', { after: /^盛/ }],
  ['保定', { after: /^[点保]/ }],
  ['大同', { after: /^意/ }],
  ['大理', { after: /^石/ }],
  ['兰州', { after: /^拉面/ }],
  ['天河', { after: /^[面水流道岸]/ }],
  ['白云', { before: /[天]$/ }],
  ['天水', { before: /白$/ }],
  ['鹤山', { before: /白$/ }],
  ['开平', { before: /打$/, after: /^台/ }],
  ['金平', { before: /奖$/, after: /^均/ }],
  ['台山', { after: /^东/ }],
  ['南沙', { before: /东$/ }],
  ['河源', { after: /^头/ }],
  ['广安', { after: /^置/ }],
  ['巴中', { after: /^午/ }],
]);

function isPartOfAnotherWord(shortName: string, preceding: string, following: string): boolean {
  if (PART_OF_ANOTHER_NAME.test(following)) return true;
  const around = ACROSS_A_WORD.get(shortName);
  return (around?.before?.test(preceding) ?? false) || (around?.after?.test(following) ?? false);
}

export class RegionGazetteer {
  readonly byCode = new Map<string, RegionEntry>();
  private readonly byName = new Map<string, { full: RegionEntry[]; short: RegionEntry[] }>();
  /** For each first character, the name lengths starting with it, longest first: the scan tries only those. */
  private readonly lengthsByFirstChar = new Map<string, number[]>();

  constructor(rows: readonly string[]) {
    const names = new Map(rows.map((row) => [row.slice(0, 6), row.slice(6)]));
    for (const [code, name] of names) {
      const entry: RegionEntry = {
        code,
        name,
        level: LEVEL_NAME[regionLevel(code)],
        fullName: fullNameOf(code, name, names),
        shortName: shortNameOf(name),
      };
      this.byCode.set(code, entry);
      this.index(name, entry, 'full');
      if (entry.shortName) this.index(entry.shortName, entry, 'short');
    }
    for (const lengths of this.lengthsByFirstChar.values()) lengths.sort((a, b) => b - a);
  }

  /** Place names in `text`, left to right, the longest name winning where two overlap. */
  findMentions(text: string): RegionMention[] {
    const mentions: RegionMention[] = [];
    for (let start = 0; start < text.length;) {
      const mention = this.mentionAt(text, start);
      if (mention) {
        mentions.push(mention);
        start = mention.end;
      } else {
        start += 1;
      }
    }
    return mentions;
  }

  /** Divisions whose full or short name is `name`. */
  lookup(name: string): RegionEntry[] {
    const found = this.byName.get(name);
    return found ? [...found.full, ...found.short] : [];
  }

  private mentionAt(text: string, start: number): RegionMention | undefined {
    const lengths = this.lengthsByFirstChar.get(text.charAt(start));
    if (!lengths) return undefined;
    for (const length of lengths) {
      if (start + length > text.length) continue;
      const surface = text.slice(start, start + length);
      const found = this.byName.get(surface);
      if (!found) continue;
      // A full name wins over the same characters read as a short name: 吉林市 is the city, 海南区 the district.
      const isFull = found.full.length > 0;
      const preceding = text.slice(Math.max(0, start - 2), start);
      if (!isFull && isPartOfAnotherWord(surface, preceding, text.slice(start + length, start + length + 4))) continue;
      const candidates = isFull ? found.full : preferHigherLevel(found.short);
      return {
        start,
        end: start + length,
        surface,
        candidates,
        isEverydayWord: EVERYDAY_WORDS.has(surface),
      };
    }
    return undefined;
  }

  private index(name: string, entry: RegionEntry, kind: 'full' | 'short'): void {
    const names = this.byName.get(name) ?? { full: [], short: [] };
    names[kind].push(entry);
    this.byName.set(name, names);
    const first = name.charAt(0);
    const lengths = this.lengthsByFirstChar.get(first) ?? [];
    if (!lengths.includes(name.length)) lengths.push(name.length);
    this.lengthsByFirstChar.set(first, lengths);
  }
}

/**
 * 吉林, 海南, 河南: read as the province, the place people mean far more often than the city or county; 长沙, 南昌:
 * the city, not the county of the same name inside it.
 */
function preferHigherLevel(entries: RegionEntry[]): RegionEntry[] {
  const province = entries.filter((entry) => entry.level === 'province');
  if (province.length === 1) return province;
  const container = entries.find((outer) => entries.every((inner) => regionContains(outer.code, inner.code)));
  return container ? [container] : entries;
}

function fullNameOf(code: string, name: string, names: Map<string, string>): string {
  const level = regionLevel(code);
  const province = level > 1 ? names.get(`${code.slice(0, 2)}0000`) : undefined;
  const city = level > 2 ? names.get(`${code.slice(0, 4)}00`) : undefined;
  return [province, city, name].filter((part) => part !== undefined).join('');
}

/** The name without its division type: 天河区 → 天河, 广州市 → 广州, 广西壮族自治区 → 广西, 浦东新区 → 浦东. */
export function shortNameOf(name: string): string | undefined {
  let short: string;
  if (AUTONOMOUS_SUFFIX.test(name)) {
    short = name.replace(AUTONOMOUS_SUFFIX, '');
    for (let stripped = short.replace(ETHNIC_GROUP, ''); stripped !== short && stripped.length >= 2;) {
      short = stripped;
      stripped = short.replace(ETHNIC_GROUP, '');
    }
  } else {
    short = name.replace(DIVISION_SUFFIX, '');
  }
  // 鄂温克族自治旗: nothing is left but the people's name, which is not a place.
  if (short.replace(ETHNIC_GROUP, '') === '') return undefined;
  return short.length >= 2 && short !== name ? short : undefined;
}

export const regionGazetteer = new RegionGazetteer(REGION_ROWS);

/** Whether `inner` lies in one of `outers` (a place said elsewhere in the text, narrowing a shared name). */
export function isWithinAny(inner: RegionEntry, outers: readonly RegionEntry[]): boolean {
  return outers.some((outer) => outer.code !== inner.code && regionContains(outer.code, inner.code));
}
