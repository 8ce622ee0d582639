import { escapeHtml } from './file-links.js';

// Small HTML pieces for the record pages of 通知公告, 信息上报 and 督导检查 (richtext properties; AdminJS
// sanitises them again).

const CHINA = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-11-20 09:05, China time. */
export function chinaDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const parts = Object.fromEntries(CHINA.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A plain table: header cells and rows of text (escaped here). */
export function htmlTable(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

export function htmlLink(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** Multi-line text as paragraphs. */
export function htmlParagraphs(text: string | null | undefined): string {
  return (text ?? '')
    .split(/\n+/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}
