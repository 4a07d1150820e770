/** The invoice's templates name their fonts like the reports': the fonts live in documents/. */
export { dejavuFontPath } from '../../documents/fonts';
