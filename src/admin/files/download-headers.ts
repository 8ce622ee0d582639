import type { Response } from 'express';

/**
 * The headers of every download: its type, a Chinese file name every browser keeps (RFC 6266 with the
 * RFC 5987 `filename*`, written by express's `res.attachment`, i.e. the `content-disposition` package),
 * never rendered in the admin's origin, and never kept by a shared cache.
 */
export function downloadHeaders(res: Response, fileName: string, type: string): void {
  res.attachment(fileName);
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'private, no-store');
}

/** A download built in memory. */
export function sendDownload(res: Response, fileName: string, type: string, body: Buffer): void {
  downloadHeaders(res, fileName, type);
  res.send(body);
}
