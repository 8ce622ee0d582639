import { problemCodes } from './errors.js';
import { unifiedWorkPointName, validateWorkPoint, type WorkPointInput } from './work-point-rules.js';

const ctx = { today: '2024-06-01', countyName: '新华区' };

const VALID: WorkPointInput = {
  name: '新华区妇女信访代理工作点',
  phone: '0375-2666938',
  establishedOn: '2014-06-01',
  isPilot: true,
  pilotYear: 2014,
};

const check = (patch: WorkPointInput) => validateWorkPoint({ ...VALID, ...patch }, ctx);

describe('work point rules', () => {
  it('accept the unified name with either kind of phone', () => {
    expect(unifiedWorkPointName('叶县')).toBe('叶县妇女信访代理工作点');
    expect(validateWorkPoint(VALID, ctx)).toEqual({});
    expect(check({ phone: '13803751234', pilotYear: '2024' })).toEqual({});
    expect(check({ phone: '2666938', isPilot: false, pilotYear: null, establishedOn: null })).toEqual({});
    expect(check({ name: ' 新华区妇女信访代理工作点 ', phone: '' })).toEqual({});
  });

  it.each<[string, WorkPointInput, string, string]>([
    ['another name', { name: '新华区妇联维权站' }, 'name', 'WORK_POINT_NAME'],
    ["another county's name", { name: '卫东区妇女信访代理工作点' }, 'name', 'WORK_POINT_NAME'],
    ['no name', { name: '' }, 'name', 'WORK_POINT_NAME'],
    ['a short phone', { phone: '266693' }, 'phone', 'PHONE_INVALID'],
    ['an establishment in the future', { establishedOn: '2024-06-02' }, 'establishedOn', 'DATE_IN_FUTURE'],
    ['a pilot without its year', { pilotYear: '' }, 'pilotYear', 'REQUIRED'],
    ['a pilot before the 2014 notice', { pilotYear: 2013 }, 'pilotYear', 'PILOT_YEAR_RANGE'],
    ['a pilot next year', { pilotYear: 2025 }, 'pilotYear', 'PILOT_YEAR_RANGE'],
    ['a year that is no number', { pilotYear: '二〇一四' }, 'pilotYear', 'PILOT_YEAR_RANGE'],
    ['a pilot year without a pilot', { isPilot: 'false' }, 'pilotYear', 'PILOT_YEAR_NOT_PILOT'],
  ])('refuse %s', (_, patch, field, code) => {
    expect(problemCodes(check(patch))).toEqual({ [field]: code });
  });

  it('quote the expected name', () => {
    expect(check({ name: '新华妇女信访代理工作点' }).name.message).toBe('工作点名称应统一为“新华区妇女信访代理工作点”');
  });
});
