import type { LabelledMessage, TitledMessage } from './competition-data';
import { matchTitles, nearDuplicateGroups, splitCategoryData, stableBucket } from './held-out-split';

const message = (id: string, text: string, label = '城乡建设'): LabelledMessage => ({ id, text, label });

describe('stable buckets', () => {
  it('are the same for the same key on every run, and spread keys over 0–99', () => {
    expect(stableBucket('tipdm20c-00003')).toBe(stableBucket('tipdm20c-00003'));
    const buckets = Array.from({ length: 2000 }, (_, i) => stableBucket(`id-${i}`));
    const heldOut = buckets.filter((bucket) => bucket < 20).length / buckets.length;
    expect(heldOut).toBeGreaterThan(0.17);
    expect(heldOut).toBeLessThan(0.23);
    expect(stableBucket('id-1', 'validation:')).not.toBe(stableBucket('id-1'));
  });
});

describe('near-duplicate groups', () => {
  it('put a reposted complaint with its first posting, and leave different ones apart', () => {
    const body = '小区高层二次供水楼顶水箱长年不洗现在自来水龙头水严重霉味请环保部门检测';
    const groups = nearDuplicateGroups([
      message('m-2', `华庭楼顶水箱长年不洗${body}`),
      message('m-1', `华庭自来水好大一股霉味${body}`),
      message('m-3', '公司拖欠三个月工资老板避而不见请劳动监察大队处理'),
    ]);
    expect(groups.get('m-2')).toBe('m-1');
    expect(groups.get('m-1')).toBe('m-1');
    expect(groups.get('m-3')).toBe('m-3');
  });
});

describe('titles of the reply data', () => {
  const labelled = [
    message('m-1', '反映市楚府名邸一房两本房产证问题领导您好楚府名邸同力家园历史原因套房两本房产证'),
    message('m-2', '投诉公司拖欠工资三个月老板避而不见', '劳动和社会保障'),
  ];
  const title: TitledMessage = {
    id: 'q-1',
    query: '咨询A市楚府名邸一房两本房产证问题',
    message:
      '咨询A市楚府名邸一房两本房产证问题\n领导：您好！我们楚府名邸（同力家园），由于历史原因，一套房两本房产证。',
  };

  it('match the labelled message they came from, despite its stop words being gone', () => {
    const [match] = matchTitles([title], labelled);
    expect(match.messageId).toBe('m-1');
    expect(match.containment).toBeGreaterThan(0.4);
  });

  it('send every titled message to the held-out side, with its title', () => {
    const split = splitCategoryData(labelled, [title]);
    expect(split.heldOut.map((m) => m.id)).toContain('m-1');
    expect(split.heldOutTitles).toEqual([{ text: title.query, label: '城乡建设', id: 'q-1' }]);
    expect([...split.train, ...split.validation].map((m) => m.id)).not.toContain('m-1');
  });
});
