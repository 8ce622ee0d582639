import { ComponentLoader } from 'adminjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// AdminJS bundles these React components for the browser when the admin starts.
export const componentLoader = new ComponentLoader();

const here = path.dirname(fileURLToPath(import.meta.url));
const add = (name: string, file: string) => componentLoader.add(name, path.join(here, file));

export const Components = {
  /** generic form for custom record actions; fields come from the action's `custom.fields` */
  ActionForm: add('ActionForm', 'action-form'),
  /** a download button for a record or list action; the file comes from an Express route (`custom.href`) */
  FileLink: add('FileLink', 'file-link'),
  /** 代理员 Excel import: template, dry run listing bad rows, then all-or-nothing import */
  AgentImport: add('AgentImport', 'agent-import'),
  /** page: townships by number of certified agents */
  CoveragePage: add('CoveragePage', 'coverage-page'),
  /** the case list: search box, coloured states and deadlines, sort by days left, cards on a phone */
  CaseList: add('CaseList', 'case-list'),
  /** the case page as the file: standing, steps (the expected one first), papers, history, fields by part */
  CaseShow: add('CaseShow', 'case-show'),
  /** 下载文书 on a case: the five forms as Word files, the file's scans and their upload */
  CaseFiles: add('CaseFiles', 'case-files'),
  /** the admin home: to-do lists, the county × creation-standard scorecard and charts, or Metabase */
  Dashboard: add('Dashboard', 'dashboard'),
  /** 上传附件 on a notice, inspection or rectification (`custom.owner`): one PDF/JPG/PNG at a time */
  AttachmentUpload: add('AttachmentUpload', 'attachment-upload'),
  /** the edit field of a place or an agent: the choices of its level within its county or township only */
  PlacePicker: add('PlacePicker', 'place-picker'),
  /** 信访人身份证号码 on the case form, listing her earlier cases (重复信访) before it is saved */
  RepeatCheck: add('RepeatCheck', 'repeat-check'),
  /** the edit field of every `date` column: the browser's date input, posting the calendar day */
  DateInput: add('DateInput', 'date-input'),
  /** a `date` column in lists and on record pages: the calendar day, without AdminJS's local time */
  DateValue: add('DateValue', 'date-value'),
  /** the list filter of every `date` column: from–to calendar days */
  DateRangeFilter: add('DateRangeFilter', 'date-range-filter'),
};
