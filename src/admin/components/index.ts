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
};
