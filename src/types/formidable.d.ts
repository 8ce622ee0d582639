// formidable 1.x (a dependency of express-formidable, which AdminJS uses) ships no types: the part used here.
declare module 'formidable' {
  import type { IncomingMessage } from 'node:http';

  export interface File {
    size: number;
    path: string;
    name: string | null;
    type: string | null;
  }

  export interface Options {
    maxFileSize?: number;
    maxFields?: number;
    maxFieldsSize?: number;
    uploadDir?: string;
    multiples?: boolean;
  }

  class IncomingForm {
    constructor(opts?: Options);
    parse(
      req: IncomingMessage,
      callback: (err: Error | null, fields: Record<string, string>, files: Record<string, File>) => void,
    ): void;
  }

  export default IncomingForm;
}

// express-formidable 1.x ships no types either: its middleware (the body parser AdminJS's router uses).
declare module 'express-formidable' {
  import type { RequestHandler } from 'express';
  import type { Options } from 'formidable';

  export default function formidableMiddleware(options?: Options): RequestHandler;
}
