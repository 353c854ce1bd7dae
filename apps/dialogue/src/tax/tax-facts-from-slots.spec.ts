import { extractSlots } from '../nlu/slots/extract-slots';
import { taxFactsFrom } from './tax-facts-from-slots';

describe('tax facts from what the citizen said', () => {
  it('keeps what earlier turns said when a later one adds the income', () => {
    const earlier = taxFactsFrom(extractSlots('我有两个孩子，一个上初中一个2岁'));
    const merged = taxFactsFrom(extractSlots('月收入1万2'), earlier);
    expect(merged).toMatchObject({ monthlyIncome: 12000, children: ['school', 'infant'] });
  });

  it('counts one child once when both its stage and its age are said', () => {
    expect(taxFactsFrom(extractSlots('一个孩子3岁上幼儿园')).children).toEqual(['preschool']);
  });

  it('takes a yearly income as twelve months', () => {
    expect(taxFactsFrom(extractSlots('年收入18万')).monthlyIncome).toBe(15000);
  });
});
