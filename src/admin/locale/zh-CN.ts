import type { LocaleTranslations } from 'adminjs';
import { RESOURCE_LABELS, RESOURCE_TRANSLATIONS, type ResourceId } from './resources.js';
import { PAGES, UI } from './ui.js';

export { ENUM_LABELS, enumLabel, type EnumTypeName } from './enums.js';
export { RESOURCE_LABELS, RESOURCE_TRANSLATIONS, type ResourceId } from './resources.js';
export { CUSTOM_ACTIONS, NAVIGATION, PAGES } from './ui.js';

/**
 * The complete Chinese translation for AdminJS 7, self-contained (it covers every key of the bundled
 * English file, so it does not depend on 'zh-CN' being in availableLanguages). Use it as
 *
 *   locale: { language: 'zh-CN', availableLanguages: ['zh-CN'], translations: { 'zh-CN': zhCN } }
 *
 * Where AdminJS looks things up (utils/translate-functions.factory.js: each lookup tries
 * `resources.<resourceId>.<namespace>.<key>` first, then `<namespace>.<key>`):
 * - field label:          translateProperty(path, resourceId) → resources.<Id>.properties.<path>
 * - enum / boolean value: translateLabel(`${path}.${value}`, resourceId) → resources.<Id>.labels.<path>.<value>
 * - resource name:        translateLabel(resourceId, resourceId) → labels.<ResourceId>
 * - navigation group:     translateLabel(navigation.name) → labels.<name> (Chinese names used verbatim)
 * - action name:          translateAction(actionName, resourceId) → actions.<actionName>
 * - notices, guards, validation and login errors: translateMessage(key) → messages.<key>
 */
export const zhCN: LocaleTranslations = {
  actions: { ...UI.actions },
  buttons: { ...UI.buttons },
  components: UI.components,
  labels: { ...UI.labels, ...RESOURCE_LABELS },
  properties: { ...UI.properties },
  messages: { ...UI.messages },
  pages: { ...PAGES },
  resources: listsHeadedByName(),
};

/** A list page is headed with what it lists (信访代理案件, 代理员 …), not with the action's own name 列表. */
function listsHeadedByName(): LocaleTranslations['resources'] {
  return Object.fromEntries(
    Object.entries(RESOURCE_TRANSLATIONS).map(([id, own]) => [
      id,
      { ...own, actions: { list: RESOURCE_LABELS[id as ResourceId], ...(own as { actions?: object }).actions } },
    ]),
  );
}
