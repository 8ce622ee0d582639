import type pg from 'pg';

/**
 * `COPY table (columns) FROM STDIN` through node-postgres' own copy-in protocol support (the client hands
 * a CopyInResponse to the active query, and its connection sends CopyData / CopyDone), so no
 * pg-copy-streams is needed. Rows are given in COPY's text format (copyLine).
 */
/** pg's connection with the COPY FROM STDIN messages, which @types/pg leaves out. */
type CopyConnection = pg.Connection & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

class CopyFromStdin {
  private error: Error | null = null;
  private resolveDone!: () => void;
  private rejectDone!: (e: Error) => void;
  readonly done = new Promise<void>((resolve, reject) => {
    this.resolveDone = resolve;
    this.rejectDone = reject;
  });

  constructor(
    readonly text: string,
    private readonly chunks: Iterable<string> | AsyncIterable<string>,
  ) {}

  /** called by pg.Client when this query's turn comes */
  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.pump(connection);
  }

  private async pump(connection: CopyConnection): Promise<void> {
    try {
      for await (const chunk of this.chunks) {
        if (this.error) return;
        if (chunk.length === 0) continue;
        connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
        if (connection.stream.writableNeedDrain) await new Promise((r) => connection.stream.once('drain', r));
      }
      connection.endCopyFrom();
    } catch (e) {
      connection.sendCopyFail(e instanceof Error ? e.message : String(e));
    }
  }

  handleCommandComplete(): void {}

  handleError(e: Error): void {
    this.error = e;
  }

  handleReadyForQuery(): void {
    if (this.error) this.rejectDone(this.error);
    else this.resolveDone();
  }

  // not expected during COPY FROM; present because pg.Client may call them on any active query
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Streams `chunks` (text-format COPY lines) into `table`. */
export async function copyIn(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const copy = new CopyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, chunks);
  void client.query(copy as never);
  await copy.done;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for null, t/f for booleans, backslash escapes. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A row object as one COPY line, its values in `columns` order. */
export function copyLine(row: Record<string, unknown>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i ? '\t' : '') + copyValue(row[columns[i]]);
  return line + '\n';
}

/** Rows as COPY lines, in chunks of about `size` rows. */
export function* copyChunks(rows: readonly object[], columns: readonly string[], size = 5000): Generator<string> {
  for (let start = 0; start < rows.length; start += size) {
    let chunk = '';
    for (const row of rows.slice(start, start + size)) chunk += copyLine(row as Record<string, unknown>, columns);
    yield chunk;
  }
}
