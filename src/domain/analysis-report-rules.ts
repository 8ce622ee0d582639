// 附件6 案件分析报告: per unit and period, with the date, the contact person and the phone. The unit,
// contact and phone default to the county's own record; the period's figures come from the warehouse.
import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import {
  contactPhoneCheck,
  maxLength,
  notBefore,
  pastDateCheck,
  personNameCheck,
  readDate,
  required,
} from './field-checks.js';

export interface AnalysisReportInput {
  periodStart?: string | null;
  periodEnd?: string | null;
  reportDate?: string | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
}

/** The county's record, whose contact fills the blanks. */
export interface UnitContact {
  contactPerson: string | null;
  contactPhone: string | null;
}

export function validateAnalysisReport(
  v: AnalysisReportInput,
  ctx: { today: string; unit: UnitContact | null },
): FieldProblems {
  const found = new ProblemCollector();
  found.add('periodStart', required(v.periodStart, '请填写统计起始日期') ?? pastDateCheck(v.periodStart, ctx.today));
  found.add(
    'periodEnd',
    required(v.periodEnd, '请填写统计截止日期') ?? notBefore(v.periodEnd, v.periodStart, '截止日期不能早于起始日期'),
  );
  if (v.periodEnd && !readDate(v.periodEnd))
    found.add('periodEnd', problem('DATE_INVALID', '请填写有效日期，如 2024-03-01'));
  found.add('reportDate', pastDateCheck(v.reportDate, ctx.today));
  found.add(
    'contactPerson',
    v.contactPerson || ctx.unit?.contactPerson
      ? personNameCheck(v.contactPerson)
      : problem('REQUIRED', '本单位未登记联系人，请填写联系人'),
  );
  found.add(
    'contactPhone',
    v.contactPhone || ctx.unit?.contactPhone
      ? contactPhoneCheck(v.contactPhone)
      : problem('REQUIRED', '本单位未登记联系电话，请填写'),
  );
  found.add('contactPerson', maxLength(v.contactPerson, 50));
  return found.problems;
}

/** Blanks taken from the county's record; the report is dated today unless a date is given. */
export function withUnitDefaults<T extends AnalysisReportInput>(v: T, unit: UnitContact | null, today: string): T {
  return {
    ...v,
    reportDate: v.reportDate || today,
    contactPerson: v.contactPerson || unit?.contactPerson || null,
    contactPhone: v.contactPhone || unit?.contactPhone || null,
  };
}
