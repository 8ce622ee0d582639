// The Chinese labels of the stored values are the domain's (src/domain/vocabulary.ts); the AdminJS
// translations are built from them (resources.ts).
export { ENUM_LABELS, enumLabel, type EnumTypeName } from '../../domain/vocabulary.js';
