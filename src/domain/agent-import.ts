// Importing a county office's list of agents from Excel: every row is checked with the same rules as the
// agent form (validateAgent), places are matched by name within the county, and every bad row is
// reported with its reasons; the service writes the rows only when none is bad.
import { validateAgent } from './agent-rules.js';
import { isBlank } from './field-checks.js';
import { idNumberGender, idNumberProblem, normalizeIdNumber } from './id-number.js';
import { GENDER_LABELS, GENDERS, type Gender } from './vocabulary.js';

/** The columns a county office keeps, in template order, and the agent field each fills. */
export const IMPORT_COLUMNS = [
  { header: '姓名', field: 'name' },
  { header: '性别', field: 'gender' },
  { header: '身份证号', field: 'idNumber' },
  { header: '手机', field: 'phone' },
  { header: '乡镇/街道', field: 'township' },
  { header: '村/社区', field: 'village' },
  { header: '选聘日期', field: 'appointedOn' },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];
/** One spreadsheet row as text; `row` is its row number in the sheet (the header is row 1). */
export type ImportRow = { row: number } & Record<ImportField, string>;

export interface ImportPlaces {
  townships: { id: number; name: string; villages: { id: number; name: string }[] }[];
}

export interface AgentDraft {
  row: number;
  name: string;
  gender: Gender;
  idNumber: string;
  phone: string;
  townshipId: number;
  villageId: number | null;
  appointedOn: string;
}

export interface RowProblem {
  row: number;
  /** each reason names its column, e.g. “身份证号：校验码不正确” */
  reasons: string[];
}

const HEADER_OF: Record<string, string> = {
  ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header])),
  townshipId: '乡镇/街道',
  villageId: '村/社区',
};

/** The gender column holds the label (女, 男): the stored value by its label. */
const GENDER_OF: Record<string, Gender> = Object.fromEntries(GENDERS.map((g) => [GENDER_LABELS[g], g]));

/** The header row's columns that are missing from IMPORT_COLUMNS, by name. */
export function missingColumns(headers: readonly string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()));
  return IMPORT_COLUMNS.map((c) => c.header).filter((h) => !present.has(h));
}

export function isEmptyRow(row: ImportRow): boolean {
  return IMPORT_COLUMNS.every((c) => isBlank(row[c.field]));
}

/**
 * Checks every row; `registeredIdNumbers` are the ID numbers already in the register (any county).
 * Returns the agents to write and the bad rows: the caller writes nothing unless `problems` is empty.
 */
export function checkImportRows(
  rows: readonly ImportRow[],
  ctx: { today: string; places: ImportPlaces; registeredIdNumbers: ReadonlySet<string> },
): { agents: AgentDraft[]; problems: RowProblem[] } {
  const agents: AgentDraft[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const dataRows = rows.filter((r) => !isEmptyRow(r));
  if (!dataRows.length)
    return { agents, problems: [{ row: 1, reasons: ['表格中没有代理员数据（从第2行起逐行填写）'] }] };
  for (const r of dataRows) {
    const reasons: string[] = [];
    const say = (field: string, message: string) => reasons.push(`${HEADER_OF[field] ?? field}：${message}`);
    const idNumber = normalizeIdNumber(r.idNumber ?? '');
    const idValid = !isBlank(idNumber) && idNumberProblem(idNumber) === null;

    let gender: Gender | null = null;
    if (isBlank(r.gender)) gender = idValid ? idNumberGender(idNumber) : null;
    else if (GENDER_OF[r.gender.trim()]) gender = GENDER_OF[r.gender.trim()];
    else say('gender', '请填写“女”或“男”');

    const township = ctx.places.townships.find((t) => t.name === r.township?.trim());
    if (!isBlank(r.township) && !township) say('township', `“${r.township.trim()}”不是本县（市、区）的乡镇（街道）`);
    let villageId: number | null = null;
    if (!isBlank(r.village) && township) {
      const village = township.villages.find((v) => v.name === r.village.trim());
      if (village) villageId = village.id;
      else say('village', `“${r.village.trim()}”不属于${township.name}`);
    }

    const fieldProblems = validateAgent(
      {
        name: r.name,
        gender,
        idNumber,
        phone: r.phone?.trim(),
        appointedOn: r.appointedOn?.trim(),
        townshipId: township?.id ?? (isBlank(r.township) ? null : -1),
      },
      { today: ctx.today },
    );
    for (const [field, found] of Object.entries(fieldProblems)) say(field, found.message);

    if (idValid) {
      const earlier = seen.get(idNumber);
      if (earlier) say('idNumber', `与第${earlier}行重复`);
      else if (ctx.registeredIdNumbers.has(idNumber)) say('idNumber', '该身份证号码已登记为代理员');
      seen.set(idNumber, earlier ?? r.row);
    }

    if (reasons.length) problems.push({ row: r.row, reasons });
    else {
      agents.push({
        row: r.row,
        name: r.name.trim(),
        gender: gender!,
        idNumber,
        phone: r.phone.trim(),
        townshipId: township!.id,
        villageId,
        appointedOn: r.appointedOn.trim(),
      });
    }
  }
  return { agents, problems };
}
