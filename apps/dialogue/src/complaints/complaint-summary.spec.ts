import { extractSlots } from '../nlu/slots/extract-slots';
import { summariseComplaint } from './complaint-summary';

const summary = (text: string) => summariseComplaint(text, extractSlots(text, { today: '2026-11-26' }));

describe('the summary a department reads first', () => {
  it('gives the kind, the problem in a phrase, the place and the time', () => {
    expect(summary('我要投诉越秀区东风路工地晚上十一点还在施工，吵得睡不着')).toEqual({
      kind: '投诉',
      problem: '越秀区东风路工地晚上十一点还在施工',
      place: '广东省广州市越秀区',
      when: '晚上十一点',
    });
  });

  it('tells a report from a complaint, and keeps contact numbers out', () => {
    const reported = summary('举报工厂夜间排污，我的电话13812345678');
    expect(reported.kind).toBe('举报');
    expect(JSON.stringify(reported)).not.toContain('13812345678');
  });

  it('keeps to what was said', () => {
    expect(summary('我要投诉小区周边施工扰民')).toEqual({ kind: '投诉', problem: '小区周边施工扰民' });
  });
});
