import cases from './work-point-rules.cases.json' with { type: 'json' };
import { validatorCases } from './refusal-cases.fixture.js';
import { unifiedWorkPointName, validateWorkPoint } from './work-point-rules.js';

const { ctx, valid: VALID, check, refusals } = validatorCases(validateWorkPoint, cases);

describe('work point rules', () => {
  it('accept the unified name with either kind of phone', () => {
    expect(unifiedWorkPointName('叶县')).toBe('叶县妇女信访代理工作点');
    expect(validateWorkPoint(VALID, ctx)).toEqual({});
    expect(check({ phone: '13803751234', pilotYear: '2024' })).toEqual({});
    expect(check({ phone: '2666938', isPilot: false, pilotYear: null, establishedOn: null })).toEqual({});
    expect(check({ name: ' 新华区妇女信访代理工作点 ', phone: '' })).toEqual({});
  });

  refusals();

  it('quote the expected name', () => {
    expect(check({ name: '新华妇女信访代理工作点' }).name.message).toBe('工作点名称应统一为“新华区妇女信访代理工作点”');
  });
});
