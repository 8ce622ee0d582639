import { UI } from './ui.js';

// What the log's `action` column holds beyond the admin's own action names (UI.actions): the services'
// and the sign-in's own words for what happened.
export const AUDIT_ACTIONS: Record<string, string> = {
  ...UI.actions,
  create: '新建',
  update: '修改',
  delete: '删除',
  login: '登录',
  login_failed: '登录失败',
  view_personal: '查看个人信息',
  download: '下载',
  export: '导出',
  import: '导入',
  upload: '上传扫描件',
  attachFile: '上传附件',
  markRead: '标记已读',
  publish: '发布',
  produceCertificate: '制作证书',
  proposeCommendation: '提名表彰',
  approveCommendation: '批准表彰',
  rejectCommendation: '不予表彰',
  generateEvaluation: '生成考评',
  reissue_query_code: '重新生成信访人查询码',
  public_query: '信访人查询',
  public_query_failed: '信访人查询（案件编号或查询码不对）',
  public_rate: '信访人评价',
  public_rerate: '信访人修改评价',
  public_rate_failed: '信访人评价未成功',
};
