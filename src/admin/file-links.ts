import type { StoredFile } from '../domain/stored-file.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Links to a record's files for its page, as HTML for a richtext property (AdminJS sanitises it again). */
export function fileLinksHtml(
  owner: 'notice' | 'inspection' | 'rectification',
  id: number | string,
  files: StoredFile[] | null | undefined,
): string {
  if (!files?.length) return '<p>（无）</p>';
  const items = files.map((f) => {
    const href = `/admin/files/attachments/${owner}/${id}/${f.key}`;
    return `<li><a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(f.name)}</a>（${Math.ceil(f.size / 1024)} KB）</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}
