/**
 * The product's name as the operating system knows it: productName in
 * package.json and electron-builder.yml, and so the name of Electron's
 * userData folder, where the data lives (electron/paths.ts finds it without
 * Electron). Not a message: a translated name would look for the data in
 * another folder, so it stays out of the catalogue.
 */
export const PRODUCT_NAME = '融评';
