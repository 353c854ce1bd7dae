import { refusedUserIds } from './wecom-send-answer';

describe('refusedUserIds', () => {
  it('reads the userids WeCom could not deliver to, with the list each came from', () => {
    const refused = refusedUserIds({ invaliduser: 'zhangsan|LiSi', unlicenseduser: 'wangwu', msgid: 'm1' });
    expect([...refused]).toEqual([
      ['zhangsan', 'invaliduser'],
      ['LiSi', 'invaliduser'],
      ['wangwu', 'unlicenseduser'],
    ]);
  });

  it('finds no one refused in an answer with empty lists', () => {
    expect(refusedUserIds({ invaliduser: '', unlicenseduser: '' }).size).toBe(0);
    expect(refusedUserIds({}).size).toBe(0);
  });
});
