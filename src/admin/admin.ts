import AdminJS, { type AdminJSOptions } from 'adminjs';
import type { DataSource } from 'typeorm';
import { componentLoader } from './components/index.js';
import { setDataSource } from './data-source.js';
import { zhCN } from './locale/zh-CN.js';
import { coveragePage } from './pages/coverage.page.js';
import { adminUserResource } from './resources/admin-user.resource.js';
import { agentResource } from './resources/agent.resource.js';
import { analysisReportResource } from './resources/analysis-report.resource.js';
import { annualReportResource } from './resources/annual-report.resource.js';
import { auditLogResource } from './resources/audit-log.resource.js';
import { caseDocumentResource } from './resources/case-document.resource.js';
import { caseLogResource } from './resources/case-log.resource.js';
import { certificateReviewResource } from './resources/certificate-review.resource.js';
import { certificateResource } from './resources/certificate.resource.js';
import { commendationResource } from './resources/commendation.resource.js';
import { evaluationResource } from './resources/evaluation.resource.js';
import { infoReportResource } from './resources/info-report.resource.js';
import { inspectionFindingResource } from './resources/inspection-finding.resource.js';
import { inspectionResource } from './resources/inspection.resource.js';
import { noticeRecipientResource } from './resources/notice-recipient.resource.js';
import { noticeResource } from './resources/notice.resource.js';
import { rectificationResource } from './resources/rectification.resource.js';
import { organizationResource } from './resources/organization.resource.js';
import { petitionCaseResource } from './resources/petition-case.resource.js';
import { trainingAttendanceResource } from './resources/training-attendance.resource.js';
import { trainingResource } from './resources/training.resource.js';
import { workPointResource } from './resources/work-point.resource.js';
import { workSystemResource } from './resources/work-system.resource.js';

export const ROOT_PATH = '/admin';
/** static files of our own (src/web/public), outside AdminJS's routes */
export const PUBLIC_ASSETS_PATH = '/static';

/** The admin panel. The DataSource must be initialised first: resources read the entity metadata. */
export async function buildAdmin(
  dataSource: DataSource,
  opts: { dashboard?: AdminJSOptions['dashboard'] } = {},
): Promise<AdminJS> {
  if (!dataSource.isInitialized) throw new Error('initialise the DataSource before building the admin');
  setDataSource(dataSource);
  return new AdminJS({
    rootPath: ROOT_PATH,
    componentLoader,
    loginPath: `${ROOT_PATH}/login`,
    logoutPath: `${ROOT_PATH}/logout`,
    resources: [
      organizationResource,
      workPointResource,
      workSystemResource,
      agentResource,
      certificateResource,
      certificateReviewResource,
      trainingResource,
      trainingAttendanceResource,
      petitionCaseResource,
      caseDocumentResource,
      caseLogResource,
      analysisReportResource,
      annualReportResource,
      evaluationResource,
      commendationResource,
      noticeResource,
      noticeRecipientResource,
      infoReportResource,
      inspectionResource,
      inspectionFindingResource,
      rectificationResource,
      adminUserResource,
      auditLogResource,
    ].map((build) => build()),
    locale: { language: 'zh-CN', availableLanguages: ['zh-CN'], translations: { 'zh-CN': zhCN } },
    branding: {
      companyName: '平顶山市妇女信访代理工作管理系统',
      withMadeWithLove: false,
      logo: false,
    },
    settings: { defaultPerPage: 20 },
    assets: { scripts: [`${PUBLIC_ASSETS_PATH}/react-select-zh.js`], styles: [`${PUBLIC_ASSETS_PATH}/admin.css`] },
    dashboard: opts.dashboard,
    pages: {
      coverage: coveragePage(dataSource),
    },
  });
}
