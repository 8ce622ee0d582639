import { PETITIONER_VIEW_POLICY, RATING_LABELS, RATINGS, formatQueryCode } from '../../domain/petitioner-view.js';
import type { PublicCaseView } from '../../services/petitioner-query.js';

// The public query page: plain server-rendered HTML, no script at all, one stylesheet of its own. Every
// value is escaped; nothing here is ever built from the admin's assets.

export const QUERY_PATH = '/query';

const esc = (v: unknown): string =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** 2026年3月5日 */
function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function cnTime(t: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(t);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)} - 平顶山市妇女信访代理工作</title>
<link rel="stylesheet" href="${QUERY_PATH}/query.css">
</head>
<body>
<header><h1>妇女信访代理案件查询</h1><p>平顶山市妇女联合会 · 妇女信访代理工作点</p></header>
<main>
${body}
</main>
<footer><p>依照《信访工作条例》第二十一条，信访人可以查询信访事项的办理情况并作出评价。</p>
<p>查询码印在《代理告知书》和《答复意见书》上，请妥善保管，不要告诉他人；遗失的，请到工作点重新领取（旧码随即失效）。</p></footer>
</body>
</html>
`;
}

export interface FormState {
  caseNo?: string;
  message?: string;
}

/** The empty or refused query form; `message` says why, the same words for a wrong number and a wrong code. */
export function queryFormPage(state: FormState = {}): string {
  return layout(
    '查询',
    `${state.message ? `<p class="alert" role="alert">${esc(state.message)}</p>` : ''}
<form method="post" action="${QUERY_PATH}" class="card" autocomplete="off">
  <label for="no">案件编号</label>
  <input id="no" name="no" maxlength="30" required placeholder="例：新华-2026-0007" value="${esc(state.caseNo)}">
  <label for="code">查询码</label>
  <input id="code" name="code" maxlength="20" required placeholder="10位字母和数字，见告知书" autocapitalize="characters" spellcheck="false">
  <button type="submit">查询</button>
</form>
<p class="hint">案件编号和查询码印在代理告知书、答复意见书上，也可以用手机扫描其上的二维码直接查询。</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p class="alert" role="alert">${esc(message)}</p><p><a href="${QUERY_PATH}">返回查询</a></p>`);
}

export interface ResultState {
  /** the code she used, carried in the rating form (never shown elsewhere) */
  code: string;
  notice?: { ok: boolean; text: string };
  commentDraft?: string;
}

export function resultPage(v: PublicCaseView, state: ResultState): string {
  const steps = v.steps.length
    ? `<ol class="steps">${v.steps
        .map((s) => `<li><span class="date">${esc(cnDate(s.on))}</span><span>${esc(s.label)}</span></li>`)
        .join('')}</ol>`
    : '<p>暂无</p>';
  const deadline = v.nextDeadline
    ? `<p><strong>${esc(v.nextDeadline.label)}</strong>：${esc(cnDate(v.nextDeadline.due))}（${esc(v.nextDeadline.daysLeft)}）</p>` +
      (v.nextDeadline.note ? `<p class="hint">${esc(v.nextDeadline.note)}</p>` : '')
    : '<p>无正在计算的期限</p>';
  const phone = v.workPointPhone
    ? `<a href="tel:${esc(v.workPointPhone.replace(/[^0-9+-]/g, ''))}">${esc(v.workPointPhone)}</a>`
    : '未登记';
  const rating = v.rating
    ? `<div class="rated"><p>您的评价：<strong class="rating-${esc(v.rating.rating)}">${esc(v.rating.label)}</strong></p>
${v.rating.comment ? `<p class="comment">${esc(v.rating.comment)}</p>` : ''}
<p class="hint">评价时间：${esc(cnTime(v.rating.ratedAt))}${
        v.canRate ? `；${esc(cnTime(v.rating.changeableUntil))}前可以修改` : '；已锁定'
      }</p></div>`
    : '';
  const form = v.canRate
    ? `<form method="post" action="${QUERY_PATH}/rating" class="rate">
  <input type="hidden" name="no" value="${esc(v.caseNo)}">
  <input type="hidden" name="code" value="${esc(formatQueryCode(state.code))}">
  <fieldset><legend>${v.rating ? '修改评价' : '请对办理情况作出评价'}</legend>
  ${RATINGS.map(
    (r) =>
      `<label class="choice"><input type="radio" name="rating" value="${r}" required${
        v.rating?.rating === r ? ' checked' : ''
      }> ${esc(RATING_LABELS[r])}</label>`,
  ).join('\n  ')}
  </fieldset>
  <label for="comment">意见和建议（选填，不超过${PETITIONER_VIEW_POLICY.commentMaxLength}字）</label>
  <textarea id="comment" name="comment" rows="4" maxlength="${PETITIONER_VIEW_POLICY.commentMaxLength}">${esc(
    state.commentDraft ?? v.rating?.comment ?? '',
  )}</textarea>
  <p class="hint">请不要在此填写身份证号、电话等个人信息。首次评价后${PETITIONER_VIEW_POLICY.ratingChangeDays}日内可以修改，之后锁定。</p>
  <button type="submit">${v.rating ? '修改评价' : '提交评价'}</button>
</form>`
    : v.rating
      ? ''
      : `<p class="hint">${esc(v.rateRefusal?.message ?? '')}</p>`;
  const notice = state.notice
    ? `<p class="${state.notice.ok ? 'ok' : 'alert'}" role="${state.notice.ok ? 'status' : 'alert'}">${esc(state.notice.text)}</p>`
    : '';
  return layout(
    `案件 ${v.caseNo}`,
    `${notice}
<section class="card">
  <p class="caseno">案件编号 <strong>${esc(v.caseNo)}</strong></p>
  <p class="state">当前状态：<strong class="state-${esc(v.state)}">${esc(v.stateLabel)}</strong></p>
  <dl>
    <dt>事项类别</dt><dd>${esc(v.category)}</dd>
    <dt>受理机构</dt><dd>${esc(v.workPointName)}</dd>
    <dt>承办代理员</dt><dd>${v.agentName ? esc(v.agentName) : '尚未指定'}</dd>
    <dt>工作点电话</dt><dd>${phone}</dd>
  </dl>
</section>
<section class="card"><h2>办理进程</h2>${steps}</section>
<section class="card"><h2>下一期限</h2>${deadline}</section>
<section class="card" id="rating"><h2>评价</h2>${rating}${form}</section>
<p><a href="${QUERY_PATH}">查询其他案件</a></p>`,
  );
}

export const QUERY_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:17px;line-height:1.6;color:#1f2933;background:#f4f5f7}
header{background:#b3261e;color:#fff;padding:16px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;font-size:14px;opacity:.9}
main{max-width:640px;margin:0 auto;padding:12px}
footer{max-width:640px;margin:0 auto;padding:12px;font-size:13px;color:#52606d}
.card{background:#fff;border-radius:8px;padding:16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:18px;margin:0 0 8px}
label{display:block;margin:12px 0 4px;font-weight:600}
input,textarea{width:100%;font-size:18px;padding:10px;border:1px solid #9aa5b1;border-radius:6px;font-family:inherit}
button{margin-top:16px;width:100%;font-size:18px;padding:12px;border:0;border-radius:6px;background:#b3261e;color:#fff}
fieldset{border:0;padding:0;margin:8px 0}
legend{font-weight:600;margin-bottom:4px}
label.choice{display:flex;align-items:center;gap:8px;font-weight:400;margin:6px 0;padding:8px;border:1px solid #cbd2d9;border-radius:6px}
label.choice input{width:auto}
.alert{background:#fde8e8;color:#8a1c1c;padding:12px;border-radius:6px}
.ok{background:#e3f9e5;color:#1f5f2b;padding:12px;border-radius:6px}
.hint{font-size:14px;color:#52606d}
.caseno{margin:0}
.state strong{font-size:20px;color:#b3261e}
dl{display:grid;grid-template-columns:6em 1fr;gap:4px 8px;margin:8px 0 0}
dt{color:#52606d}
dd{margin:0}
.steps{list-style:none;padding:0;margin:0}
.steps li{display:flex;gap:12px;padding:6px 0;border-bottom:1px solid #eef0f2}
.steps .date{min-width:8.5em;color:#52606d}
.comment{white-space:pre-wrap;word-break:break-word;background:#f4f5f7;padding:8px;border-radius:6px}
a{color:#0b5cad}
`;
